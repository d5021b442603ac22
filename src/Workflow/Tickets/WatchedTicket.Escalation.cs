using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tickets;

public sealed partial class WatchedTicket
{
    /// <summary>
    /// Climbs one level of the ladder and pages it. Anyone may escalate a ticket, as with incidents. A level naming a
    /// rotation pages whoever <paramref name="onCall"/> has on call at <paramref name="now"/>, overrides applied.
    /// </summary>
    public Outcome Escalate(Actor who, string? reason, ResponsePlan plan, OnCallRoster onCall, DateTimeOffset now) =>
        Change(() => EscalateBy(who, reason, plan, onCall, now), outcome => outcome.Changed);

    private Outcome EscalateBy(Actor who, string? reason, ResponsePlan plan, OnCallRoster onCall, DateTimeOffset now)
    {
        if (IsFinished)
            return Outcome.Refused($"{Name} is {TicketCodes.StatusName(Status)} in Freshdesk; there is nothing to escalate.");
        var because = string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason.Trim()})";
        if (Level >= plan.Escalation.Top)
        {
            var top = plan.Escalation.Level(Level);
            Page(plan, onCall, now, $"{Name} is escalated again by {who.Name}{because}: {Subject}");
            Record(now, "escalated", $"{who.Name} paged {top.Name} again{because}.", who);
            return Outcome.Accepted($"{Name} is already at the top of the ladder ({top.Name}); paged them again.");
        }

        var level = Climb(plan, onCall, now, $"{Name} escalated by {who.Name}{because}");
        Record(now, "escalated", $"{who.Name} escalated to {level.Id} · {level.Name}{because}.", who);
        return Outcome.Accepted($"{Name} escalated to {level.Id} · {level.Name} ({Responders(plan, onCall, level, now)}).");
    }

    /// <summary>Applies a due timer; a climb pages as <see cref="Escalate"/> does. Returns false when the ticket no longer needed it.</summary>
    public bool Fire(TimerKind kind, ResponsePlan plan, OnCallRoster onCall, DateTimeOffset now) =>
        Change(() => Apply(kind, plan, onCall, now), changed => changed);

    private bool Apply(TimerKind kind, ResponsePlan plan, OnCallRoster onCall, DateTimeOffset now)
    {
        var priority = TicketCodes.PriorityName(Priority);
        switch (kind)
        {
            case TimerKind.TicketRespondWarning when AwaitsFirstResponse && !RespondWarned:
                RespondWarned = true;
                Warn(now, $"{Name} ({priority}) needs a first response by {Utc(RespondBy)} (in {DurationText.Elapsed(RespondBy - now)}): {Subject}");
                return true;
            case TimerKind.TicketResolveWarning when !ResolveWarned:
                ResolveWarned = true;
                Warn(now, $"{Name} ({priority}) must be resolved by {Utc(ResolveBy)} (in {DurationText.Elapsed(ResolveBy - now)}): {Subject}");
                return true;
            case TimerKind.TicketRespondBreach when AwaitsFirstResponse && RespondBreachedAt is null:
                RespondBreachedAt = now;
                Breach(plan, onCall, now, $"First-response SLA breached on {Name} ({priority}): {Subject}");
                return true;
            case TimerKind.TicketResolveBreach when ResolveBreachedAt is null:
                ResolveBreachedAt = now;
                Breach(plan, onCall, now, $"Resolution SLA breached on {Name} ({priority}): {Subject}");
                return true;
            case TimerKind.TicketClimb when Level is > 0 && Level < plan.Escalation.Top:
                var level = Climb(plan, onCall, now, $"{Name} ({priority}) is still breached after {DurationText.Format(ClimbEvery(plan))}");
                Record(now, "escalated", $"Still breached: escalated to {level.Id} · {level.Name}.");
                return true;
            default:
                return false;
        }
    }

    /// <summary>How long a breached ticket stays at one level before it climbs: the priority's first-response window.</summary>
    public TimeSpan ClimbEvery(ResponsePlan plan) => Target(plan).RespondWithin;

    /// <summary>The ladder level paged for this ticket, or null before its first escalation.</summary>
    public EscalationLevel? CurrentLevel(ResponsePlan plan) => Level == 0 ? null : plan.Escalation.Level(Level);

    private void Warn(DateTimeOffset now, string text)
    {
        Record(now, "reminded", text);
        Notify(NoticeKind.Alert, Audience.Support, $"Reminder: {text}");
    }

    private void Breach(ResponsePlan plan, OnCallRoster onCall, DateTimeOffset now, string text)
    {
        Record(now, "breached", text);
        if (Level >= plan.Escalation.Top)
        {
            Notify(NoticeKind.Alert, Audience.Support, $"{text}. Already at the top of the ladder.");
            return;
        }

        var level = Climb(plan, onCall, now, text);
        Record(now, "escalated", $"Escalated to {level.Id} · {level.Name}.");
    }

    private EscalationLevel Climb(ResponsePlan plan, OnCallRoster onCall, DateTimeOffset now, string why)
    {
        Level = Math.Min(Level + 1, plan.Escalation.Top);
        EscalatedAt = now;
        var level = plan.Escalation.Level(Level);
        Notify(NoticeKind.Alert, Audience.Support, $"{why}. Paging {level.Id} · {level.Name} ({Responders(plan, onCall, level, now)}).");
        Page(plan, onCall, now, why);
        return level;
    }

    private void Page(ResponsePlan plan, OnCallRoster onCall, DateTimeOffset now, string why)
    {
        var level = plan.Escalation.Level(Level);
        foreach (var person in onCall.Responders(level, now))
            Notify(NoticeKind.Page, Audience.Person, $"You are paged for {Name}: {why}. Resolution due {Utc(ResolveBy)}.", person);
    }

    // A ticket pages whoever is on call for its rotations at that moment, as an incident does.
    private static string Responders(ResponsePlan plan, OnCallRoster onCall, EscalationLevel level, DateTimeOffset now) =>
        string.Join(", ", onCall.Responders(level, now).Select(id => plan.FindPerson(id)?.Name ?? id));
}
