using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>
/// The application service for watched Freshdesk tickets. Like the incident <see cref="Desk.Desk"/>, each
/// change is one <see cref="UnitOfWork"/>: load the ticket (optimistic concurrency on its version), change it, stage
/// the timeline, outbox notices and re-planned timers, commit. Nothing here talks to Freshdesk or to chat.
/// </summary>
public sealed class TicketDesk(
    IDbContextFactory<IncidentDbContext> dbFactory,
    ResponsePlan plan,
    TimeProvider time,
    WriteGate gate,
    ILogger<TicketDesk> log)
{
    private readonly UnitOfWork _work = new(dbFactory, gate, plan, time, log);

    /// <summary>
    /// Takes in what the API says about a ticket now: starts watching it, or updates it. A snapshot that changes
    /// nothing writes nothing, so repeated webhook deliveries are harmless.
    /// </summary>
    public Task<TicketResult> ObserveAsync(TicketSnapshot snapshot, CancellationToken ct = default)
    {
        if (!TicketTimers.CanWatch(snapshot.Id))
            return Task.FromResult(TicketResult.NotWatched(snapshot.Id) with { Status = DeskStatus.Invalid, Message = $"Ticket id {snapshot.Id} is out of range." });
        return _work.RunAsync(async scope =>
        {
            var (db, now) = (scope.Db, scope.Now);
            var ticket = await scope.LoadTicketAsync(snapshot.Id, ct);
            if (ticket is null)
            {
                if (TicketCodes.IsFinished(snapshot.Status))
                    return new TicketResult(DeskStatus.Unchanged, $"Ticket #{snapshot.Id} is already {TicketCodes.StatusName(snapshot.Status)}; not watched.");
                ticket = WatchedTicket.Start(snapshot, plan, now);
                db.WatchedTickets.Add(ticket);
                log.LogInformation("Watching ticket #{Ticket} ({Priority})", snapshot.Id, TicketCodes.PriorityName(snapshot.Priority));
            }
            else
            {
                if (!ticket.Observe(snapshot, plan, now))
                    return new TicketResult(DeskStatus.Unchanged, $"Ticket #{snapshot.Id} is unchanged.", await TicketViews.ViewAsync(db, ticket, plan, ct));
            }

            scope.StageTicket(ticket, await scope.TimersAsync(TimerSubject.Ticket, ticket.TicketId, ct), plan);
            return new TicketResult(DeskStatus.Done, $"Ticket #{snapshot.Id} updated.", await TicketViews.ViewAsync(db, ticket, plan, ct));
        }, ct);
    }

    /// <summary>Pages the next level of the ladder for a ticket (<c>/ticket escalate</c>, the escalate button).</summary>
    public Task<TicketResult> EscalateAsync(Actor who, long ticketId, string? reason, CancellationToken ct = default) =>
        _work.RunAsync(async scope =>
        {
            var db = scope.Db;
            var ticket = await scope.LoadTicketAsync(ticketId, ct);
            if (ticket is null)
                return TicketResult.NotWatched(ticketId);
            var outcome = ticket.Escalate(who, reason, plan, await OnCallDesk.RosterAsync(db, plan, scope.Now, ct), scope.Now);
            if (!outcome.Changed)
                return new TicketResult(DeskStatus.Refused, outcome.Message, await TicketViews.ViewAsync(db, ticket, plan, ct));
            scope.StageTicket(ticket, await scope.TimersAsync(TimerSubject.Ticket, ticketId, ct), plan);
            log.LogInformation("Ticket #{Ticket} escalated by {Actor} to level {Level}", ticketId, who.Id, ticket.Level);
            return new TicketResult(DeskStatus.Done, outcome.Message, await TicketViews.ViewAsync(db, ticket, plan, ct));
        }, ct);

    public async Task<TicketResult> ShowAsync(long ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.WatchedTickets.AsNoTracking().SingleOrDefaultAsync(t => t.TicketId == ticketId, ct);
        return ticket is null
            ? TicketResult.NotWatched(ticketId)
            : new TicketResult(DeskStatus.Unchanged, $"Ticket #{ticketId}: {ticket.Subject}", await TicketViews.ViewAsync(db, ticket, plan, ct));
    }

    /// <summary>The ticket's timeline, oldest first.</summary>
    public async Task<IReadOnlyList<TicketTimelineEntry>> TimelineAsync(long ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TicketTimeline.AsNoTracking().Where(e => e.TicketId == ticketId).OrderBy(e => e.Id).ToListAsync(ct);
    }
}
