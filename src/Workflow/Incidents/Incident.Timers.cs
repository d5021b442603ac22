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
        var text = $"Reminder: {Id} ({SeverityLabel}) is waiting for an acknowledgement from {LevelLabel()}; it escalates at {When(escalatesAt)}.";
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
        if (UpdateNudges >= 2)
        {
            var above = $"{Id} ({SeverityLabel}) has had no update for {DurationText.Elapsed(Now - LastUpdateAt)}; {owner} owns it.";
            if (Level < PlanInForce.Escalation.Top)
            {
                foreach (var id in RespondersNow(PlanInForce.Escalation.Level(Level + 1)))
                    Notify(NoticeKind.Message, Audience.Person, above, id);
            }
            else
            {
                Notify(NoticeKind.Message, Audience.Management, above);
            }
        }

        return Changed(Actor.Timer, "update-due", text, State, new Notice(NoticeKind.UpdateNudge, Audience.Incident, text, OwnerId));
    }

    /// <summary>75 % of the resolve target passed.</summary>
    public Outcome WarnResolveDeadline(DateTimeOffset resolveBy)
    {
        if (!Machine.CanFire(T.ResolveWarning) || ResolveWarned)
            return Outcome.Unchanged($"{Id} needs no resolution warning.");
        Machine.Fire(T.ResolveWarning);
        ResolveWarned = true;
        var text = $"{Id} ({SeverityLabel}) must be resolved by {When(resolveBy)}; 75 % of its {DurationText.Format(Severity.ResolveWithin)} target has passed.";
        Notify(NoticeKind.Alert, Audience.Management, text);
        return Changed(Actor.Timer, "resolve-warning", text, State, new Notice(NoticeKind.Alert, Audience.Incident, text));
    }

    /// <summary>The resolve target passed: the SLA is breached.</summary>
    public Outcome BreachResolveDeadline()
    {
        if (!Machine.CanFire(T.ResolveBreach) || ResolveBreached)
            return Outcome.Unchanged($"{Id} needs no breach notice.");
        Machine.Fire(T.ResolveBreach);
        ResolveBreached = true;
        var text = $"SLA breached: {Id} ({SeverityLabel}) was not resolved within {DurationText.Format(Severity.ResolveWithin)}.";
        Notify(NoticeKind.Alert, Audience.Management, text);
        if (Severity.Rca.Required)
        {
            foreach (var id in RespondersNow(PlanInForce.Escalation.Level(PlanInForce.Escalation.Top)))
                Notify(NoticeKind.Page, Audience.Person, text, id);
        }

        return Changed(Actor.Timer, "resolve-breach", text, State, new Notice(NoticeKind.Alert, Audience.Incident, text));
    }

    /// <summary>A day passed with the RCA still missing.</summary>
    public Outcome RemindRca(DateTimeOffset dueBy)
    {
        if (!Machine.CanFire(T.RcaReminder))
            return Outcome.Unchanged($"{Id} has no RCA pending.");
        Machine.Fire(T.RcaReminder);
        RcaReminders++;
        var text = $"The root-cause analysis of {Id} is still missing; it is due by {When(dueBy)}.";
        if (OwnerId is { } owner)
            Notify(NoticeKind.RcaPrompt, Audience.Person, text, owner);
        return Changed(Actor.Timer, "rca-reminder", text, RcaPending, new Notice(NoticeKind.RcaPrompt, Audience.Incident, text));
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

    /// <summary>
    /// Records an accepted change: its timeline entry, the card update, and the change's one post in the incident's
    /// conversation, a plain message unless <paramref name="post"/> makes it a prompt, nudge or alert there. Intents
    /// never post to <see cref="Audience.Incident"/> themselves, so the conversation gets each change once.
    /// </summary>
    private Outcome Changed(Actor who, string action, string text, IncidentState from, Notice? post = null)
    {
        Record(who, action, text, from);
        Notify(NoticeKind.CardUpdate, Audience.Incident, text);
        Stage(post ?? new Notice(NoticeKind.Message, Audience.Incident, text));
        return Outcome.Accepted(text);
    }

    private void Record(Actor who, string action, string text, IncidentState from) =>
        _newEntries.Add(new TimelineEntry(Number, Now, who, action, text, from, State));

    private void Notify(NoticeKind kind, Audience audience, string text, string? personId = null) =>
        Stage(new Notice(kind, audience, text, personId));

    private void PageCurrentLevel(bool fresh = false)
    {
        RecordPage(fresh);
        var text = NeedsTriage
            ? $"You are paged for {Id} ({SeverityLabel}): {Title}. {AcknowledgeWhen()[..^1]} and pick its severity on the card or with /incident sev {Id} <sevN>."
            : $"You are paged for {Id} ({SeverityLabel}): {Title}. {AcknowledgeWhen()}";
        foreach (var person in PagedPeople())
            Notify(NoticeKind.Page, Audience.Person, text, person.Id);
        if (Level == PlanInForce.Escalation.Top && Level > 1)
            Notify(NoticeKind.Alert, Audience.Management, $"{Id} ({SeverityLabel}) reached {LevelLabel()}: {Title}.");
    }

    // On the business-hours clock a window can end days away (reported Saturday, due Monday); say when, in the plan's
    // zone, rather than a window that reads as minutes from now.
    private string AcknowledgeWhen()
    {
        var window = CurrentLevel.AcknowledgeWithin ?? Severity.AcknowledgeWithin;
        if (Severity.Clock != ClockKind.BusinessHours)
            return $"Acknowledge within {DurationText.Format(window)}.";
        var due = new Sla.SlaClock(PlanInForce).Add(PagedAt, window, ClockKind.BusinessHours);
        return $"Acknowledge by {When(due)}: {DurationText.Format(window)} counted in business hours.";
    }

    /// <summary>An instant as the plan's wall clock shows it, with the day when it is not today.</summary>
    private string When(DateTimeOffset at) => Sla.WallClock.Describe(at, Now, PlanInForce.TimeZone);

    /// <summary>The people paged at the current ladder level.</summary>
    public IEnumerable<Person> PagedPeople() =>
        PagedPeopleAt(PlanInForce, Level).Select(id => PlanInForce.FindPerson(id)).OfType<Person>();

    // "Engineering on-call (L2)"; a level whose id is its name ("management") is named once.
    private string LevelLabel() =>
        string.Equals(CurrentLevel.Id, CurrentLevel.Name, StringComparison.OrdinalIgnoreCase) ? CurrentLevel.Name : $"{CurrentLevel.Name} ({CurrentLevel.Id})";

    private string Ago(DateTimeOffset? at) => at switch
    {
        null => "earlier",
        { } t when Now - t < TimeSpan.FromMinutes(1) => "just now",
        { } t => $"{DurationText.Format(Now - t)} ago",
    };

    private static string After(TimeSpan took) =>
        took < TimeSpan.FromMinutes(1) ? "in under a minute" : $"after {DurationText.Format(took)}";

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, MaxTextLength)];

    private static string Clip(string? text) => Clean(text) ?? "";
}
