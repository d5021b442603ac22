using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>
/// Plans a watched ticket's timers. They are ordinary <see cref="IncidentTimer"/> rows whose subject is the
/// ticket (<see cref="TimerSubject.Ticket"/> and its 64-bit id), so tickets get the claims, leases,
/// <c>SKIP LOCKED</c> and fire-once guarantees of the one timer table for free. The row's version is the ticket's
/// version, so a change makes old rows stale.
/// </summary>
public static class TicketTimers
{
    /// <summary>Freshdesk numbers tickets from 1; any positive id, however large, can be watched.</summary>
    public static bool CanWatch(long ticketId) => ticketId > 0;

    /// <summary>
    /// The timers the ticket needs now: nothing while paused or finished; a reminder at three quarters of each
    /// window and a breach at each deadline until they fired; a climb one window after the last escalation
    /// while a breach is unanswered.
    /// </summary>
    public static IEnumerable<(TimerKind Kind, DateTimeOffset DueAt)> Plan(WatchedTicket ticket, ResponsePlan plan, DateTimeOffset now)
    {
        if (ticket.IsFinished || ticket.IsPaused)
            yield break;

        if (ticket.AwaitsFirstResponse && ticket.RespondBreachedAt is null)
        {
            if (!ticket.RespondWarned && ticket.RespondBy > now)
                yield return (TimerKind.TicketRespondWarning, WarnAt(ticket.CreatedAt, ticket.RespondBy));
            yield return (TimerKind.TicketRespondBreach, ticket.RespondBy);
        }

        if (ticket.ResolveBreachedAt is null)
        {
            if (!ticket.ResolveWarned && ticket.ResolveBy > now)
                yield return (TimerKind.TicketResolveWarning, WarnAt(ticket.CreatedAt, ticket.ResolveBy));
            yield return (TimerKind.TicketResolveBreach, ticket.ResolveBy);
        }

        var unanswered = (ticket.RespondBreachedAt is not null && ticket.AwaitsFirstResponse) || ticket.ResolveBreachedAt is not null;
        if (unanswered && ticket.Level is > 0 && ticket.Level < plan.Escalation.Top && ticket.EscalatedAt is { } at)
            yield return (TimerKind.TicketClimb, at + ticket.ClimbEvery(plan));
    }

    private static DateTimeOffset WarnAt(DateTimeOffset start, DateTimeOffset due)
    {
        var window = due - start;
        return window <= TimeSpan.Zero ? due : due - window / 4;
    }
}
