using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>What every ticket change saves with it: timeline, outbox notices and a fresh set of timers.</summary>
internal static class TicketStaging
{
    public static Task<List<IncidentTimer>> TimersOfAsync(IncidentDbContext db, long ticketId, CancellationToken ct)
    {
        return db.Timers.Of(TimerSubject.Ticket, ticketId).ToListAsync(ct);
    }

    public static void Stage(IncidentDbContext db, WatchedTicket ticket, IReadOnlyList<IncidentTimer> existing, ResponsePlan plan, DateTimeOffset now)
    {
        ticket.CompleteChange();
        db.TicketTimeline.AddRange(ticket.NewTimelineEntries);
        db.Outbox.AddRange(ticket.Notices.Select(n => OutboxMessage.ForTicket(now, ticket.TicketId, n)));
        db.Timers.RemoveRange(existing);
        db.Timers.AddRange(TicketTimers.Plan(ticket, plan, now).Select(t => IncidentTimer.ForTicket(ticket.TicketId, t.Kind, t.DueAt, ticket.Version)));
    }

    public static async Task<TicketView> ViewAsync(IncidentDbContext db, WatchedTicket ticket, ResponsePlan plan, CancellationToken ct)
    {
        var links = await db.TicketLinks.AsNoTracking().Where(l => l.TicketId == ticket.TicketId)
            .OrderBy(l => l.LinkedAt).Select(l => l.IncidentNumber).ToListAsync(ct);
        var level = ticket.CurrentLevel(plan);
        return new TicketView
        {
            TicketId = ticket.TicketId,
            Subject = ticket.Subject,
            Description = ticket.Description,
            Priority = TicketCodes.PriorityName(ticket.Priority),
            Status = TicketCodes.StatusName(ticket.Status),
            Requester = ticket.Requester,
            RespondBy = ticket.RespondBy,
            ResolveBy = ticket.ResolveBy,
            FirstRespondedAt = ticket.FirstRespondedAt,
            Paused = ticket.IsPaused,
            Finished = ticket.IsFinished,
            EscalationLevel = level is null ? null : $"{level.Id} · {level.Name}",
            RespondBreached = ticket.RespondBreachedAt is not null,
            ResolveBreached = ticket.ResolveBreachedAt is not null,
            LinkedIncidents = links,
        };
    }
}
