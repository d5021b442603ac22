using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Incidents.IncidentState;
using T = Jivrus.IncidentBot.Workflow.Incidents.IncidentTrigger;

namespace Jivrus.IncidentBot.Workflow.Incidents;

public sealed partial class Incident
{
    /// <summary>Files a new incident at level 1 of the ladder. The report must have no <see cref="IncidentReport.Problem"/>.</summary>
    public static Incident Report(int number, IncidentReport report, Actor reporter, IncidentContext context)
    {
        if (report.Problem(context.Plan) is { } problem)
            throw new ArgumentException(problem, nameof(report));

        var incident = new Incident { Number = number, State = Reported };
        incident.Change(context, i => i.File(report, reporter));
        return incident;
    }

    private Outcome File(IncidentReport report, Actor reporter)
    {
        var classified = report.Classify(PlanInForce);
        var severity = classified.Severity!;
        Classification = classified;
        NeedsTriage = classified.Reason == SeverityReason.Triage;
        Title = classified.Title;
        Impact = Clean(report.Impact);
        Description = Clean(report.Description);
        SeverityId = severity.Id;
        IsPrivate = report.Private;
        IsDrill = report.Drill;
        AlertNote = report.AlertNote;
        ReporterId = reporter.Id;
        ReporterName = reporter.Name;
        ReportedAt = Now;
        PagedAt = Now;
        LastUpdateAt = Now;
        Level = 1;

        var text = $"{reporter.Name} reported {Id} ({SeverityLabel}): {Title}";
        Record(reporter, "reported", text, Reported);
        RecordAlertLines(reporter, report);
        Notify(NoticeKind.Card, Audience.Announce, text);
        Notify(NoticeKind.Card, Audience.Incident, text);
        // Triage runs on the most urgent clocks, but management hears of a critical incident only once someone says it is one.
        if (severity.Rca.Required && !NeedsTriage)
            Notify(NoticeKind.Message, Audience.Management, $"{text}. {CurrentLevel.Name} is paged.");
        PageCurrentLevel();
        return Outcome.Accepted(text);
    }

    public Outcome Acknowledge(Actor who)
    {
        if (!Machine.CanFire(AcknowledgeTrigger, who))
            return Outcome.Refused(Refusal(T.Acknowledge, who));
        if (State is Acknowledged or Mitigated)
            return Outcome.Unchanged($"{Id} is already acknowledged by {AcknowledgedByName} ({Ago(AcknowledgedAt)}).");

        Machine.Fire(AcknowledgeTrigger, who);
        AcknowledgedById = who.Id;
        AcknowledgedByName = who.Name;
        AcknowledgedAt = Now;
        FirstAcknowledgedAt ??= Now;
        LastUpdateAt = Now;
        ResetReminders();
        return Changed(who, "acknowledged", $"{who.Name} acknowledged {Id}.", Reported);
    }

    public Outcome Escalate(Actor who, string? reason)
    {
        if (!Machine.CanFire(T.Escalate))
            return Outcome.Refused(Refusal(T.Escalate, who));
        var from = State;
        Machine.Fire(T.Escalate);
        Climb();
        var why = string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}";
        var outcome = Changed(who, "escalated", $"{who.Name} escalated {Id} to {LevelLabel()}{why}.", from);
        PageCurrentLevel();
        return outcome;
    }

    /// <summary>
    /// A status update: text, a promise of when the next one comes, an expected-fix time, or any mix of them
    /// (a bare "ETA 17:30" is an update too).
    /// </summary>
    public Outcome PostUpdate(Actor who, string? text, TimeSpan? next, DateTimeOffset? eta)
    {
        if (!Machine.CanFire(T.PostUpdate))
            return Outcome.Refused(Refusal(T.PostUpdate, who));
        if (string.IsNullOrWhiteSpace(text) && next is null && eta is null)
            return Outcome.Refused("An update needs some text, a next-update promise or an ETA: /incident update [INC-n] <text> [next <duration>] [eta <duration|HH:mm>].");

        Machine.Fire(T.PostUpdate);
        LastUpdateAt = Now;
        UpdateNudges = 0;
        NextUpdatePromisedAt = next is { } n ? Now + n : null;
        if (eta is { } e)
            Eta = e;
        return Changed(who, "updated", $"Update on {Id} from {who.Name}: {UpdateText(Clean(text), next, eta)}", State);
    }

    /// <summary>Sets the severity (an id, a name or an alias); on an incident that needs triage this is the triage.</summary>
    public Outcome ChangeSeverity(Actor who, string severityId)
    {
        if (SeverityWords.Find(PlanInForce, severityId) is not { } severity)
            return Outcome.Refused($"There is no severity '{severityId}'. Use one of {SeverityWords.Ids(PlanInForce)}.");
        if (!Machine.CanFire(T.ChangeSeverity))
            return Outcome.Refused(Refusal(T.ChangeSeverity, who));
        if (!NeedsTriage && string.Equals(severity.Id, SeverityId, StringComparison.OrdinalIgnoreCase))
            return Outcome.Unchanged($"{Id} is already {severity.Id} ({severity.Name}).");

        var triaged = NeedsTriage;
        var previous = triaged ? TriageLabel : $"{Severity.Id} ({Severity.Name})";
        Machine.Fire(T.ChangeSeverity);
        SeverityId = severity.Id;
        NeedsTriage = false;
        // A new target may lie in the future again; its warning and breach must then be able to fire.
        ResolveWarned = false;
        ResolveBreached = false;
        var outcome = Changed(who, "severity", $"{who.Name} changed {Id} from {previous} to {severity.Id} ({severity.Name}).", State);
        Notify(NoticeKind.Message, Audience.Announce, outcome.Message);
        if (triaged && severity.Rca.Required)
            Notify(NoticeKind.Message, Audience.Management, $"{outcome.Message} {CurrentLevel.Name} is paged.");
        return outcome;
    }

    public Outcome Assign(Actor who, Person commander)
    {
        if (!Machine.CanFire(T.Assign))
            return Outcome.Refused(Refusal(T.Assign, who));
        if (string.Equals(CommanderId, commander.Id, StringComparison.OrdinalIgnoreCase))
            return Outcome.Unchanged($"{commander.Name} is already the commander of {Id}.");

        Machine.Fire(T.Assign);
        CommanderId = commander.Id;
        CommanderName = commander.Name;
        var outcome = Changed(who, "assigned", $"{who.Name} made {commander.Name} the commander of {Id}.", State);
        Notify(NoticeKind.Page, Audience.Person, $"You are now the commander of {Id}: {Title}.", commander.Id);
        return outcome;
    }

    public Outcome Mitigate(Actor who, string note)
    {
        if (!Machine.CanFire(T.Mitigate))
            return Outcome.Refused(Refusal(T.Mitigate, who));
        var from = State;
        Machine.Fire(T.Mitigate);
        MitigatedAt = Now;
        MitigationNote = Clean(note);
        LastUpdateAt = Now;
        ResetReminders();
        if (AcknowledgedById is null)
        {
            // Mitigating is a response: it counts as the acknowledgement it implies.
            AcknowledgedById = who.Id;
            AcknowledgedByName = who.Name;
            AcknowledgedAt = Now;
            FirstAcknowledgedAt ??= Now;
        }

        return Changed(who, "mitigated", $"{who.Name} mitigated {Id}: {Clip(note)}", from);
    }

    public Outcome Resolve(Actor who, string resolution)
    {
        if (!Machine.CanFire(T.Resolve))
            return Outcome.Refused(Refusal(T.Resolve, who));
        var from = State;
        Machine.Fire(T.Resolve);
        ResolvedAt = Now;
        Resolution = Clean(resolution);
        var outcome = Changed(who, "resolved", $"{who.Name} resolved {Id} {After(Now - ReportedAt)}: {Clip(resolution)}", from);
        Notify(NoticeKind.Message, Audience.Announce, outcome.Message);
        return outcome;
    }

    public Outcome Reopen(Actor who)
    {
        if (!Machine.CanFire(T.Reopen))
            return Outcome.Refused(Refusal(T.Reopen, who));
        Machine.Fire(T.Reopen);
        ResolvedAt = null;
        Resolution = null;
        AcknowledgedAt = null;
        AcknowledgedById = null;
        AcknowledgedByName = null;
        Level = 1;
        TopRepeats = 0;
        LadderExhausted = false;
        PagedAt = Now;
        LastUpdateAt = Now;
        ResetReminders();
        var outcome = Changed(who, "reopened", $"{who.Name} reopened {Id}; {LevelLabel()} is paged again.", Resolved);
        PageCurrentLevel(fresh: true);
        return outcome;
    }

    /// <summary>Closes a resolved incident; <paramref name="gaps"/> are its corrective actions that lack an owner or a due date.</summary>
    public Outcome Close(Actor who, ActionGaps? gaps = null)
    {
        _actionGaps = gaps ?? ActionGaps.None;
        if (!Machine.CanFire(T.Close))
            return Outcome.Refused(Refusal(T.Close, who));
        Machine.Fire(T.Close);
        if (State == Closed)
        {
            ClosedAt = Now;
            return Changed(who, "closed", $"{who.Name} closed {Id}.", Resolved);
        }

        RcaPendingSince = Now;
        var due = DurationText.Format(Severity.Rca.DueWithin);
        var prompt = $"{Id} needs its root-cause analysis before it can close: /incident rca {Id} <root cause> actions: <corrective actions>. Due within {due}.";
        var which = NeedsTriage ? $"still waiting for triage, so it counts as {Severity.Name}" : Severity.Name;
        return Changed(who, "rca-pending", $"{Id} is {which}: a root-cause analysis is required before it closes (due within {due}).", Resolved,
            new Notice(NoticeKind.RcaPrompt, Audience.Incident, prompt));
    }

    /// <summary>
    /// The root-cause analysis. <paramref name="gaps"/> are the corrective actions (stored and new) that lack an owner or
    /// a due date: while there are any, a critical incident keeps waiting with its RCA in.
    /// </summary>
    public Outcome SubmitRca(Actor who, string rootCause, string? actions, ActionGaps? gaps = null)
    {
        _actionGaps = gaps ?? ActionGaps.None;
        if (!Machine.CanFire(T.SubmitRca))
            return Outcome.Refused(Refusal(T.SubmitRca, who));
        if (string.IsNullOrWhiteSpace(rootCause))
            return Outcome.Refused("An RCA needs its root cause: /incident rca [INC-n] <root cause> [actions: ...].");
        var from = State;
        Machine.Fire(T.SubmitRca);
        RcaRootCause = Clean(rootCause);
        RcaActions = Clean(actions);
        RcaSubmittedAt = Now;
        if (State == Closed)
            ClosedAt = Now;
        var closed = State == Closed ? " and closed it" : "";
        var outcome = Changed(who, "rca-submitted", $"{who.Name} submitted the RCA of {Id}{closed}: {Clip(rootCause)}", from);
        Notify(NoticeKind.Message, Audience.Management, outcome.Message);
        return State == RcaPending
            ? Outcome.Accepted($"{outcome.Message}\n{Id} closes once every corrective action has an owner and a due date, or is dropped: {_actionGaps.Describe()}.")
            : outcome;
    }

    public Outcome WaiveRca(Actor who, string reason)
    {
        if (!Machine.CanFire(WaiveRcaTrigger, who))
            return Outcome.Refused(Refusal(T.WaiveRca, who));
        if (string.IsNullOrWhiteSpace(reason))
            return Outcome.Refused($"Waiving the RCA needs a reason, for the timeline and the summaries: /incident rca waive {Id} <reason>.");
        Machine.Fire(WaiveRcaTrigger, who);
        RcaWaivedBy = who.Id;
        RcaWaiveReason = Clean(reason);
        ClosedAt = Now;
        var outcome = Changed(who, "rca-waived", $"{who.Name} waived the RCA of {Id} and closed it: {Clip(reason)}", RcaPending);
        Notify(NoticeKind.Message, Audience.Management, outcome.Message);
        return outcome;
    }

    public Outcome Cancel(Actor who, string reason)
    {
        if (!Machine.CanFire(T.Cancel))
            return Outcome.Refused(Refusal(T.Cancel, who));
        if (string.IsNullOrWhiteSpace(reason))
            return Outcome.Refused("Cancelling needs a reason (false alarm, duplicate of INC-n): /incident cancel [INC-n] <reason>.");
        var from = State;
        Machine.Fire(T.Cancel);
        CancelledAt = Now;
        CancelReason = Clean(reason);
        return Changed(who, "cancelled", $"{who.Name} cancelled {Id}: {Clip(reason)}", from);
    }

    /// <summary>True when the ladder of <paramref name="plan"/> still has a level or a repeat left for <see cref="Escalate"/>.</summary>
    public bool CanEscalate(ResponsePlan plan) =>
        IsOpen && (Level < plan.Escalation.Top || TopRepeats < plan.Escalation.RepeatAtTop);

    private void Climb()
    {
        if (Level < PlanInForce.Escalation.Top)
            Level++;
        else
            TopRepeats++;
        if (Level == PlanInForce.Escalation.Top)
            ReachedTop = true;
        PagedAt = Now;
        AcknowledgedAt = null;
        AcknowledgedById = null;
        AcknowledgedByName = null;
        AckReminded = false;
    }

    // The resolve warning and breach keep their flags: resolution is measured from the first report.
    private void ResetReminders()
    {
        AckReminded = false;
        UpdateNudges = 0;
        NextUpdatePromisedAt = null;
    }
}
