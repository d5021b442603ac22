using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// Incidents and the Freshdesk tickets they are about: promoting a watched ticket to an incident, linking one, writing
/// an incident's resolution and RCA back to its linked tickets, and (in the second file) the reply to their customers.
/// </summary>
internal sealed partial class IncidentTickets(
    UnitOfWork work, IDbContextFactory<IncidentDbContext> dbFactory, ResponsePlan plan, IncidentViewFactory views, IncidentReports reports, ILogger log)
{
    /// <summary>
    /// Promotes a watched ticket to an incident linked to it: the subject becomes the title, the customer's
    /// description the impact, and the severity is <paramref name="severityId"/>, else the most urgent of the plan's
    /// <c>promoteAs</c> for the ticket's priority and what the subject's words name. A ticket already linked to an open incident is not promoted twice.
    /// </summary>
    public async Task<DeskResult> PromoteAsync(Actor who, long ticketId, string? severityId, CancellationToken ct)
    {
        WatchedTicket? ticket;
        int? openIncident;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ticket = await db.WatchedTickets.AsNoTracking().SingleOrDefaultAsync(t => t.TicketId == ticketId, ct);
            var linked = db.TicketLinks.Where(l => l.TicketId == ticketId).Select(l => l.IncidentNumber);
            openIncident = await db.Incidents.Where(i => linked.Contains(i.Number) && (i.State == IncidentState.Reported || i.State == IncidentState.Acknowledged || i.State == IncidentState.Mitigated))
                .Select(i => (int?)i.Number).FirstOrDefaultAsync(ct);
        }

        if (ticket is null)
            return DeskResult.Invalid(TicketResult.NotWatched(ticketId).Message);
        if (openIncident is { } open)
            return DeskResult.Invalid($"Ticket #{ticketId} is already linked to the open {IncidentId.Format(open)}.");

        var title = ticket.Subject.Length <= Incident.MaxTitleLength ? ticket.Subject : ticket.Subject[..(Incident.MaxTitleLength - 1)] + "…";
        // The priority's severity is a floor: a subject saying "outage" still files the incident as critical.
        var report = new IncidentReport(
            title, severityId, string.IsNullOrWhiteSpace(ticket.Description) ? null : ticket.Description, AtLeastSeverityId: ticket.Target(plan).PromoteAs);
        return await reports.ReportWithAsync(who, report, incident =>
        [
            new IncidentTicketLink(incident.Number, ticketId, incident.ReportedAt, who.Id),
            new TimelineEntry(incident.Number, incident.ReportedAt, who, "linked", $"Promoted from Freshdesk ticket #{ticketId}.", incident.State, incident.State),
            new TicketTimelineEntry(ticketId, incident.ReportedAt, who.Id, who.Name, "promoted",
                $"{who.Name} promoted the ticket to {incident.Id} ({(incident.NeedsTriage ? Incident.TriageLabel : incident.SeverityId)})."),
        ], ct);
    }

    /// <summary>Links a watched ticket to an incident, so the incident's resolution and RCA are written back to it.</summary>
    public Task<DeskResult> LinkAsync(Actor who, int number, long ticketId, CancellationToken ct)
    {
        IncidentView? shown = null;
        return work.RunAsync(async scope =>
        {
            var db = scope.Db;
            var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Number == number, ct);
            if (incident is null || !incident.MayView(who, plan))
                return DeskResult.NotFound(number);
            shown = views.View(incident);
            if (!await db.WatchedTickets.AnyAsync(t => t.TicketId == ticketId, ct))
                return DeskResult.Invalid(TicketResult.NotWatched(ticketId).Message);
            if (await db.TicketLinks.AnyAsync(l => l.IncidentNumber == number && l.TicketId == ticketId, ct))
                return AlreadyLinked(ticketId, shown);

            db.TicketLinks.Add(new IncidentTicketLink(number, ticketId, scope.Now, who.Id));
            db.Timeline.Add(new TimelineEntry(number, scope.Now, who, "linked", $"{who.Name} linked Freshdesk ticket #{ticketId}.", incident.State, incident.State));
            db.TicketTimeline.Add(new TicketTimelineEntry(ticketId, scope.Now, who.Id, who.Name, "linked", $"{who.Name} linked the ticket to {incident.Id}."));
            return new DeskResult(DeskStatus.Done, $"Ticket #{ticketId} linked to {incident.Id}; its resolution will be written back to the ticket.", shown);
        }, ct,
        // The same link was made at the same moment elsewhere; one row is what was asked for.
        onConflict: _ => AlreadyLinked(ticketId, shown!));
    }

    private static DeskResult AlreadyLinked(long ticketId, IncidentView incident) =>
        new(DeskStatus.Unchanged, $"Ticket #{ticketId} is already linked to {incident.Id}.", incident);

    // Resolving writes one private note per linked ticket and offers the public reply as a button; the unique
    // key (ticket, incident, kind) keeps a second resolve (after a reopen, or a retried command) from writing again.
    public async Task WriteBackResolutionAsync(ChangeScope scope, Incident incident, CancellationToken ct)
    {
        if (incident.State != IncidentState.Resolved || incident.Resolution is null)
            return;
        var db = scope.Db;
        foreach (var ticketId in await NewNotesForAsync(db, incident.Number, TicketNoteKind.Resolution, ct))
        {
            db.TicketNotes.Add(new TicketNote(ticketId, incident.Number, TicketNoteKind.Resolution, WriteBackText.ResolutionNote(incident), scope.Now));
            db.TicketTimeline.Add(new TicketTimelineEntry(ticketId, scope.Now, "timer", "IncidentBot", "noted", $"Private note with the resolution of {incident.Id} queued."));
            db.Outbox.Add(OutboxMessage.ForTicket(scope.Now, ticketId, new Notice(NoticeKind.ReplyOffer, Audience.Support,
                $"{incident.Id} is resolved and Freshdesk ticket #{ticketId} is linked to it. A responder or manager can reply to the customer: the button opens a draft to edit, and nothing is sent until it is submitted."), incident.Number));
        }
    }

    public async Task WriteBackRcaAsync(ChangeScope scope, Incident incident, CancellationToken ct)
    {
        if (incident.RcaRootCause is null)
            return;
        var db = scope.Db;
        foreach (var ticketId in await NewNotesForAsync(db, incident.Number, TicketNoteKind.Rca, ct))
        {
            db.TicketNotes.Add(new TicketNote(ticketId, incident.Number, TicketNoteKind.Rca, WriteBackText.RcaNote(incident), scope.Now));
            db.TicketTimeline.Add(new TicketTimelineEntry(ticketId, scope.Now, "timer", "IncidentBot", "noted", $"Private note with the RCA of {incident.Id} queued."));
        }
    }

    private static async Task<List<long>> NewNotesForAsync(IncidentDbContext db, int number, TicketNoteKind kind, CancellationToken ct)
    {
        // One query: the linked tickets (one link per ticket, the key) that have no note of this kind for the incident yet.
        return await db.TicketLinks
            .Where(l => l.IncidentNumber == number && !db.TicketNotes.Any(n => n.IncidentNumber == number && n.Kind == kind && n.TicketId == l.TicketId))
            .OrderBy(l => l.TicketId).Select(l => l.TicketId).ToListAsync(ct);
    }
}
