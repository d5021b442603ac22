using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>The view of a watched ticket, with the incidents linked to it.</summary>
internal static class TicketViews
{
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
