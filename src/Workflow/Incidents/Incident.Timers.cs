using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Incidents.IncidentState;
using T = Jivrus.IncidentBot.Workflow.Incidents.IncidentTrigger;

namespace Jivrus.IncidentBot.Workflow.Incidents;

public sealed partial class Incident
{
    /// <summary>Half the acknowledge window passed: remind the paged people.</summary>
    public Outcome RemindToAcknowledge(DateTimeOffset escalatesAt)
    {
        if (!Machine.CanFire(T.AckReminder))
            return Outcome.Unchanged($"{Id} no longer waits for an acknowledgement.");
        Machine.Fire(T.AckReminder);
        AckReminded = true;
        var text = $"Reminder: {Id} ({SeverityLabel}) is waiting for an acknowledgement from {LevelLabel()}; it escalates at {escalatesAt:HH:mm} UTC.";
        foreach (var person in PagedPeople())
            Notify(NoticeKind.Page, Audience.Person, text, person.Id);
        return Changed(Actor.Timer, "ack-reminder", text, State);
    }

    /// <summary>The acknowledge window passed: climb the ladder, page the top again, or say the ladder is exhausted.</summary>
    public Outcome AcknowledgeTimedOut()
    {
        if (!Machine.CanFire(T.AckTimeout))
            return Outcome.Unchanged($"{Id} no longer waits for an acknowledgement.");
        if (LadderExhausted)
            return Outcome.Unchanged($"Management was already told that nobody on the ladder acknowledged {Id}.");
        var window = DurationText.Format(CurrentLevel.AcknowledgeWithin ?? Severity.AcknowledgeWithin);
        var climbing = CanClimb();
        Machine.Fire(T.AckTimeout);
        if (!climbing)
        {
            LadderExhausted = true;
            var exhausted = $"{Id} ({SeverityLabel}) was not acknowledged by anyone on the escalation ladder, management paged {TopRepeats + 1} times. The ladder is exhausted.";
            var outcome = Changed(Actor.Timer, "ladder-exhausted", exhausted, Reported);
            Notify(NoticeKind.Alert, Audience.Management, exhausted);
            return outcome;
        }

        var previous = LevelLabel();
        Climb();
        var result = Changed(Actor.Timer, "escalated", $"No acknowledgement from {previous} within {window}: {Id} escalated to {LevelLabel()}.", Reported);
        PageCurrentLevel();
        return result;
    }

    /// <summary>The update cadence passed without an update: nudge the owner; twice overdue, tell the level above.</summary>
    public Outcome UpdateOverdue()
    {
        if (!Machine.CanFire(T.UpdateDue))
            return Outcome.Unchanged($"{Id} does not need updates while it is {StateWord(State)}.");
        Machine.Fire(T.UpdateDue);
        UpdateNudges++;
        var owner = OwnerName ?? "the owner";
        var text = $"An update on {Id} is due, {owner}: post one with /incident update {Id} <text> [next <duration>] or snooze.";
        Notify(NoticeKind.UpdateNudge, Audience.Incident, text, OwnerId);
        if (UpdateNudges >= 2)
        {
            var above = $"{Id} ({SeverityLabel}) has had no update for {DurationText.Format(Now - LastUpdateAt)}; {owner} owns it.";
            if (Level < PlanInForce.Escalation.Top)
            {
                foreach (var id in PlanInForce.Escalation.Level(Level + 1).Responders)
                    Notify(NoticeKind.Message, Audience.Person, above, id);
            }
            else
            {
                Notify(NoticeKind.Message, Audience.Management, above);
            }
        }

        return Changed(Actor.Timer, "update-due", text, State);
    }

    /// <summary>75 % of the resolve target passed.</summary>
    public Outcome WarnResolveDeadline(DateTimeOffset resolveBy)
    {
        if (!Machine.CanFire(T.ResolveWarning) || ResolveWarned)
            return Outcome.Unchanged($"{Id} needs no resolution warning.");
        Machine.Fire(T.ResolveWarning);
        ResolveWarned = true;
        var text = $"{Id} ({SeverityLabel}) must be resolved by {resolveBy:yyyy-MM-dd HH:mm} UTC; 75 % of its {DurationText.Format(Severity.ResolveWithin)} target has passed.";
        Notify(NoticeKind.Alert, Audience.Incident, text);
        Notify(NoticeKind.Alert, Audience.Management, text);
        return Changed(Actor.Timer, "resolve-warning", text, State);
    }

    /// <summary>The resolve target passed: the SLA is breached.</summary>
    public Outcome BreachResolveDeadline()
    {
        if (!Machine.CanFire(T.ResolveBreach) || ResolveBreached)
            return Outcome.Unchanged($"{Id} needs no breach notice.");
        Machine.Fire(T.ResolveBreach);
        ResolveBreached = true;
        var text = $"SLA breached: {Id} ({SeverityLabel}) was not resolved within {DurationText.Format(Severity.ResolveWithin)}.";
        Notify(NoticeKind.Alert, Audience.Incident, text);
        Notify(NoticeKind.Alert, Audience.Management, text);
        if (Severity.Rca.Required)
        {
            foreach (var id in PlanInForce.Escalation.Level(PlanInForce.Escalation.Top).Responders)
                Notify(NoticeKind.Page, Audience.Person, text, id);
        }

        return Changed(Actor.Timer, "resolve-breach", text, State);
    }

    /// <summary>A day passed with the RCA still missing.</summary>
    public Outcome RemindRca(DateTimeOffset dueBy)
    {
        if (!Machine.CanFire(T.RcaReminder))
            return Outcome.Unchanged($"{Id} has no RCA pending.");
        Machine.Fire(T.RcaReminder);
        RcaReminders++;
        var text = $"The root-cause analysis of {Id} is still missing; it is due by {dueBy:yyyy-MM-dd HH:mm} UTC.";
        Notify(NoticeKind.RcaPrompt, Audience.Incident, text);
        if (OwnerId is { } owner)
            Notify(NoticeKind.RcaPrompt, Audience.Person, text, owner);
        return Changed(Actor.Timer, "rca-reminder", text, RcaPending);
    }

    /// <summary>The RCA deadline passed.</summary>
    public Outcome RcaOverdue()
    {
        if (!Machine.CanFire(T.RcaDue) || RcaDueNotified)
            return Outcome.Unchanged($"{Id} has no RCA pending.");
        Machine.Fire(T.RcaDue);
        RcaDueNotified = true;
        var text = $"The root-cause analysis of {Id} ({SeverityLabel}) is overdue; it was due within {DurationText.Format(Severity.Rca.DueWithin)} of closing. Owner: {OwnerName ?? "nobody"}.";
        Notify(NoticeKind.Alert, Audience.Management, text);
        return Changed(Actor.Timer, "rca-due", text, RcaPending);
    }

    /// <summary>Records a refused attempt on the timeline without changing the incident.</summary>
    public void RecordRefusal(Actor who, string sentence) =>
        _newEntries.Add(new TimelineEntry(Number, Now, who, "refused", sentence, State, State));

    private Outcome Changed(Actor who, string action, string text, IncidentState from)
    {
        Record(who, action, text, from);
        Notify(NoticeKind.CardUpdate, Audience.Incident, text);
        Notify(NoticeKind.Message, Audience.Incident, text);
        return Outcome.Accepted(text);
    }

    private void Record(Actor who, string action, string text, IncidentState from) =>
        _newEntries.Add(new TimelineEntry(Number, Now, who, action, text, from, State));

    private void Notify(NoticeKind kind, Audience audience, string text, string? personId = null) =>
        _notices.Add(new Notice(kind, audience, text, personId));

    private void PageCurrentLevel()
    {
        var window = DurationText.Format(CurrentLevel.AcknowledgeWithin ?? Severity.AcknowledgeWithin);
        var text = NeedsTriage
            ? $"You are paged for {Id} ({SeverityLabel}): {Title}. Acknowledge within {window} and pick its severity on the card or with /incident sev {Id} <sevN>."
            : $"You are paged for {Id} ({SeverityLabel}): {Title}. Acknowledge within {window}.";
        foreach (var person in PagedPeople())
            Notify(NoticeKind.Page, Audience.Person, text, person.Id);
        if (Level == PlanInForce.Escalation.Top && Level > 1)
            Notify(NoticeKind.Alert, Audience.Management, $"{Id} ({SeverityLabel}) reached {LevelLabel()}: {Title}.");
    }

    /// <summary>The people of the current ladder level, as the plan names them.</summary>
    public IEnumerable<Person> PagedPeople() =>
        CurrentLevel.Responders.Select(id => PlanInForce.FindPerson(id)).OfType<Person>();

    private string PagedNames() => string.Join(", ", PagedPeople().Select(p => p.Name));

    private string LevelLabel() => $"{CurrentLevel.Id} {CurrentLevel.Name}";

    private string Ago(DateTimeOffset? at) =>
        at is { } t ? $"{DurationText.Format(Now - t)} ago" : "earlier";

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, MaxTextLength)];

    private static string Clip(string? text) => Clean(text) ?? "";
}
