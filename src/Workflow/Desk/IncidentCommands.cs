using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// Changes an incident on someone's command, in one unit of work: load it for change, check who may act, run the
/// intent, stage what it produced (timeline, outbox, its next timer), commit. A refusal is recorded on the timeline;
/// an answer that changes nothing writes nothing.
/// </summary>
internal sealed class IncidentCommands(
    UnitOfWork work, ResponsePlan plan, IncidentViewFactory views, IncidentTickets tickets, IncidentActions actions, ILogger log)
{
    public Task<DeskResult> AcknowledgeAsync(Actor who, int number, CancellationToken ct) =>
        ChangeAsync(number, who, Permission.Responder, "acknowledge", i => i.Acknowledge(who), ct);

    public Task<DeskResult> UpdateAsync(Actor who, int number, string? text, TimeSpan? next, EtaPromise? eta, DateTimeOffset now, CancellationToken ct) =>
        ChangeAsync(number, who, Permission.Responder, "update", i => i.PostUpdate(who, text, next, eta?.From(now, plan.TimeZone)), ct);

    public Task<DeskResult> SnoozeUpdatesAsync(Actor who, int number, TimeSpan delay, CancellationToken ct) =>
        ChangeAsync(number, who, Permission.Responder, "snooze the update reminder of", i => i.SnoozeUpdates(who, delay), ct);

    public Task<DeskResult> ChangeSeverityAsync(Actor who, int number, string severityId, CancellationToken ct) =>
        ChangeAsync(number, who, Permission.Responder, "change the severity of", i => i.ChangeSeverity(who, severityId), ct);

    public Task<DeskResult> AssignAsync(Actor who, int number, string personId, CancellationToken ct)
    {
        if (plan.FindPerson(personId) is not { } person)
            return Task.FromResult(DeskResult.Invalid($"The response plan has no person '{personId}'. People: {string.Join(", ", plan.People.Select(p => p.Id))}."));
        return ChangeAsync(number, who, Permission.Responder, "assign", i => i.Assign(who, person), ct);
    }

    public Task<DeskResult> MitigateAsync(Actor who, int number, string note, CancellationToken ct) =>
        ChangeAsync(number, who, Permission.Responder, "mitigate", i => i.Mitigate(who, note), ct);

    /// <summary>Anyone may escalate: an employee who sees nobody responding must be able to pull the ladder.</summary>
    public Task<DeskResult> EscalateAsync(Actor who, int number, string? reason, CancellationToken ct) =>
        ChangeAsync(number, who, Permission.Anyone, "escalate", i => i.Escalate(who, reason), ct);

    public Task<DeskResult> ResolveAsync(Actor who, int number, string resolution, CancellationToken ct) =>
        ChangeAsync(number, who, Permission.Responder, "resolve", i => i.Resolve(who, resolution), ct, tickets.WriteBackResolutionAsync);

    public Task<DeskResult> CloseAsync(Actor who, int number, CancellationToken ct)
    {
        var gaps = ActionGaps.None;
        return ChangeAsync(number, who, Permission.Responder, "close", i => i.Close(who, gaps), ct,
            before: async scope => gaps = ActionGaps.Of(await IncidentActions.LoadAsync(scope, number, ct)));
    }

    /// <summary>
    /// The RCA: its <c>actions:</c> become numbered corrective actions (see <see cref="ActionText"/>) in the same unit of
    /// work, and a critical incident closes only when every action, old and new, has an owner and a due date.
    /// </summary>
    public Task<DeskResult> SubmitRcaAsync(Actor who, int number, string rootCause, string? actionText, CancellationToken ct)
    {
        List<CorrectiveAction> stored = [];
        IReadOnlyList<ActionSpec> specs = [];
        string? problem = null;
        var gaps = ActionGaps.None;
        return ChangeAsync(number, who, Permission.Responder, "submit the RCA of",
            i => problem is null ? i.SubmitRca(who, rootCause, actionText, gaps) : Outcome.Refused(problem), ct,
            also: async (scope, incident, ct) =>
            {
                await tickets.WriteBackRcaAsync(scope, incident, ct);
                if (specs.Count > 0)
                    await actions.AddStagedAsync(scope, incident, stored, specs, who, ct);
            },
            before: async scope =>
            {
                stored = await IncidentActions.LoadAsync(scope, number, ct);
                (specs, problem) = ActionText.Parse(actionText, plan, scope.Now);
                var next = stored.Count == 0 ? 1 : stored.Max(a => a.Number) + 1;
                gaps = ActionGaps.Of(stored.Select(a => (a.Number, a.Text, a.OwnerId is not null, a.DueAt is not null, a.IsOpen))
                    .Concat(specs.Select((s, k) => (next + k, s.Text, s.Owner is not null, s.DueAt is not null, true))));
            });
    }

    public Task<DeskResult> WaiveRcaAsync(Actor who, int number, string reason, CancellationToken ct) =>
        ChangeAsync(number, who, Permission.Manager, "waive the RCA of", i => i.WaiveRca(who, reason), ct);

    public Task<DeskResult> CancelAsync(Actor who, int number, string reason, CancellationToken ct) =>
        ChangeAsync(number, who, Permission.Responder, "cancel", i => i.Cancel(who, reason), ct);

    public Task<DeskResult> ReopenAsync(Actor who, int number, CancellationToken ct) =>
        ChangeAsync(number, who, Permission.Responder, "reopen", i => i.Reopen(who), ct);

    public Task<DeskResult> SetPrivateAsync(Actor who, int number, bool makePrivate, CancellationToken ct) => makePrivate
        ? ChangeAsync(number, who, Permission.Manager, "make private", i => i.MakePrivate(who), ct)
        : ChangeAsync(number, who, Permission.Manager, "make public", i => i.MakePublic(who), ct);

    // also: staged in the same transaction after an accepted change (write-back to linked tickets); before: reads what
    // the intent needs besides the incident (its corrective actions), once the incident is locked.
    private Task<DeskResult> ChangeAsync(
        int number, Actor who, Permission permission, string verb, Func<Incident, Outcome> act, CancellationToken ct,
        Func<ChangeScope, Incident, CancellationToken, Task>? also = null, Func<ChangeScope, Task>? before = null) =>
        work.RunAsync(async scope =>
        {
            var incident = await scope.LoadIncidentAsync(number, ct);
            // Someone who may not see a private incident may not learn it exists either: the same answer as a wrong number.
            if (incident is null || !incident.MayView(who, plan))
                return DeskResult.NotFound(number);
            if (before is not null)
                await before(scope);

            var roster = await OnCallDesk.RosterAsync(scope, plan, ct);
            var outcome = incident.Change(new IncidentContext(plan, scope.Now, roster), i =>
            {
                var outcome = Authorize(who, permission, verb, i) ?? act(i);
                if (outcome.Kind == OutcomeKind.Refused)
                    i.RecordRefusal(who, outcome.Message);
                return outcome;
            });
            if (outcome.Kind == OutcomeKind.Unchanged)
                return new DeskResult(DeskStatus.Unchanged, outcome.Message, views.View(incident));
            if (outcome.Kind == OutcomeKind.Refused)
            {
                scope.StageRefusal(incident);
                log.LogInformation("{Actor} was refused on {Incident}: {Reason}", who.Id, incident.Id, outcome.Message);
                return new DeskResult(DeskStatus.Refused, outcome.Message, views.View(incident));
            }

            if (also is not null)
                await also(scope, incident, ct);
            var view = await scope.StageIncidentAsync(incident, ct);
            return new DeskResult(DeskStatus.Done, outcome.Message, view);
        }, ct);

    private Outcome? Authorize(Actor who, Permission permission, string verb, Incident incident) =>
        permission.Check(plan, who, verb, incident);
}

/// <summary>Who may make a change.</summary>
internal enum Permission
{
    Anyone,

    /// <summary>Changing an incident: its paged levels, its commander, responders, managers.</summary>
    Responder,
    Manager,
}

/// <summary>Who may do what to an incident ("Who may act" in the design); the rule itself lives on the incident.</summary>
internal static class Permissions
{
    /// <summary>The refusal for <paramref name="who"/>, or null when they may.</summary>
    public static Outcome? Check(this Permission permission, ResponsePlan plan, Actor who, string verb, Incident incident) => permission switch
    {
        _ when who.Kind == ActorKind.System => null,
        Permission.Anyone => null,
        Permission.Manager when who.Kind != ActorKind.PlanPerson || !plan.IsManager(who.Id) => Outcome.Refused(incident.OnlyManagers(who, verb)),
        Permission.Responder when !incident.MayChange(who) => Outcome.Refused(incident.MayNotChange(who, verb)),
        _ => null,
    };
}
