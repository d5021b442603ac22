using System.Runtime.CompilerServices;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>
/// Drives INC-1 ("DB down", reported by Eve at <see cref="ReportedAt"/>) through real intents into the state a
/// test needs. Each step happens one minute after the last; the built incident's next changes happen
/// at <see cref="ReadyAt"/> (see <see cref="IncidentChanges"/>).
/// </summary>
public sealed class IncidentBuilder
{
    /// <summary>Tuesday 4 March 2025, 10:00 in Asia/Kolkata.</summary>
    public static readonly DateTimeOffset ReportedAt = new(2025, 3, 4, 4, 30, 0, TimeSpan.Zero);

    /// <summary>Later than every step a builder takes; tests that do not care about time act then.</summary>
    public static readonly DateTimeOffset ReadyAt = ReportedAt.AddMinutes(10);

    private ResponsePlan _plan = TestPlans.Standard();
    private string? _severity = "sev1";
    private IncidentState _state = IncidentState.Reported;
    private int _escalations;
    private bool _rcaSubmitted;

    public static IncidentBuilder Reported() => new();

    public static IncidentBuilder In(IncidentState state) => new() { _state = state };

    public IncidentBuilder WithSeverity(string? severityId)
    {
        _severity = severityId;
        return this;
    }

    public IncidentBuilder WithPlan(ResponsePlan plan)
    {
        _plan = plan;
        return this;
    }

    /// <summary>Escalates by hand this many times right after the report (L1 → L2 → management → repeats).</summary>
    public IncidentBuilder Escalated(int times)
    {
        _escalations = times;
        return this;
    }

    /// <summary>Submits the RCA while the incident is resolved (only meaningful for Resolved).</summary>
    public IncidentBuilder WithRcaSubmitted()
    {
        _rcaSubmitted = true;
        return this;
    }

    public Incident Build()
    {
        var at = ReportedAt;
        var incident = Incident.Report(1, new IncidentReport("DB down", _severity), People.Eve, new IncidentContext(_plan, at));

        void Step(Func<Incident, Outcome> act)
        {
            at = at.AddMinutes(1);
            var outcome = incident.Change(new IncidentContext(_plan, at), act);
            if (outcome.Kind != OutcomeKind.Accepted)
                throw new InvalidOperationException($"The builder could not drive {incident.Id} ({incident.State}): {outcome.Message}");
        }

        for (var i = 0; i < _escalations; i++)
            Step(x => x.Escalate(People.Eve, "nobody answers"));

        switch (_state)
        {
            case IncidentState.Reported:
                break;
            case IncidentState.Acknowledged:
                Step(x => x.Acknowledge(People.Ana));
                break;
            case IncidentState.Mitigated:
                Step(x => x.Acknowledge(People.Ana));
                Step(x => x.Mitigate(People.Ana, "failed over to the replica"));
                break;
            case IncidentState.Resolved:
                Step(x => x.Acknowledge(People.Ana));
                Step(x => x.Resolve(People.Ana, "primary restored"));
                if (_rcaSubmitted)
                    Step(x => x.SubmitRca(People.Ana, "disk full", "alert on disk usage"));
                break;
            case IncidentState.RcaPending:
                Step(x => x.Acknowledge(People.Ana));
                Step(x => x.Resolve(People.Ana, "primary restored"));
                Step(x => x.Close(People.Ana));
                break;
            case IncidentState.Closed:
                Step(x => x.Acknowledge(People.Ana));
                Step(x => x.Resolve(People.Ana, "primary restored"));
                Step(x => x.SubmitRca(People.Ana, "disk full", "alert on disk usage"));
                Step(x => x.Close(People.Ana));
                break;
            case IncidentState.Cancelled:
                Step(x => x.Cancel(People.Ana, "false alarm"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(_state), _state, "An incident is never in the Open superstate itself.");
        }

        if (incident.State != _state)
            throw new InvalidOperationException($"The builder meant to reach {_state} but {incident.Id} is {incident.State}.");
        return incident.At(new IncidentContext(_plan, ReadyAt));
    }
}

/// <summary>
/// Changes at a readable time: a test sets when (and under which plan) its next changes of an incident happen, then
/// makes each through <see cref="Act"/>, which runs it as one <see cref="Incident.Change"/>.
/// </summary>
public static class IncidentChanges
{
    private static readonly ConditionalWeakTable<Incident, IncidentContext> Contexts = new();

    /// <summary>The plan and time the incident's next changes run at; a built incident starts at <see cref="IncidentBuilder.ReadyAt"/>.</summary>
    public static Incident At(this Incident incident, IncidentContext context)
    {
        Contexts.AddOrUpdate(incident, context);
        return incident;
    }

    /// <summary>Changes from now on happen <paramref name="sinceReport"/> after <see cref="IncidentBuilder.ReportedAt"/>.</summary>
    public static Incident After(this Incident incident, TimeSpan sinceReport, ResponsePlan? plan = null) =>
        incident.At(new IncidentContext(plan ?? TestPlans.Standard(), IncidentBuilder.ReportedAt + sinceReport));

    /// <summary>Makes one change at the time set by <see cref="At"/> or <see cref="After"/>.</summary>
    public static Outcome Act(this Incident incident, Func<Incident, Outcome> intent) =>
        incident.Change(
            Contexts.TryGetValue(incident, out var context) ? context : throw new InvalidOperationException("Set the time of the change first: At or After."),
            intent);
}
