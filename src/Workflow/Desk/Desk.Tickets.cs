using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Desk;

public sealed partial class Desk
{
    /// <summary>
    /// Promotes a watched ticket to an incident linked to it: the subject becomes the title, the customer's
    /// description the impact, and the severity is <paramref name="severityId"/>, else the most urgent of the plan's
    /// <c>promoteAs</c> for the ticket's priority and what the subject's words name. A ticket already linked to an open incident is not promoted twice.
    /// </summary>
    public async Task<DeskResult> PromoteTicketAsync(Actor who, long ticketId, string? severityId, CancellationToken ct = default)
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
        return await ReportAsync(who, report, (db, incident) =>
        {
            var now = time.GetUtcNow();
            db.TicketLinks.Add(new IncidentTicketLink(incident.Number, ticketId, now, who.Id));
            db.Timeline.Add(new TimelineEntry(incident.Number, now, who, "linked", $"Promoted from Freshdesk ticket #{ticketId}.", incident.State, incident.State));
            db.TicketTimeline.Add(new TicketTimelineEntry(ticketId, now, who.Id, who.Name, "promoted", $"{who.Name} promoted the ticket to {incident.Id} ({(incident.NeedsTriage ? Incident.TriageLabel : incident.SeverityId)})."));
        }, ct);
    }

    /// <summary>Links a watched ticket to an incident, so the incident's resolution and RCA are written back to it.</summary>
    public async Task<DeskResult> LinkTicketAsync(Actor who, int number, long ticketId, CancellationToken ct = default)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Number == number, ct);
        if (incident is null)
            return DeskResult.NotFound(number);
        if (!await db.WatchedTickets.AnyAsync(t => t.TicketId == ticketId, ct))
            return DeskResult.Invalid(TicketResult.NotWatched(ticketId).Message);
        if (await db.TicketLinks.AnyAsync(l => l.IncidentNumber == number && l.TicketId == ticketId, ct))
            return new DeskResult(DeskStatus.Unchanged, $"Ticket #{ticketId} is already linked to {incident.Id}.", View(incident));

        var now = time.GetUtcNow();
        db.TicketLinks.Add(new IncidentTicketLink(number, ticketId, now, who.Id));
        db.Timeline.Add(new TimelineEntry(number, now, who, "linked", $"{who.Name} linked Freshdesk ticket #{ticketId}.", incident.State, incident.State));
        db.TicketTimeline.Add(new TicketTimelineEntry(ticketId, now, who.Id, who.Name, "linked", $"{who.Name} linked the ticket to {incident.Id}."));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link was made at the same moment elsewhere; one row is what was asked for.
            return new DeskResult(DeskStatus.Unchanged, $"Ticket #{ticketId} is already linked to {incident.Id}.", View(incident));
        }

        return new DeskResult(DeskStatus.Done, $"Ticket #{ticketId} linked to {incident.Id}; its resolution will be written back to the ticket.", View(incident));
    }

    // Resolving writes one private note per linked ticket and offers the public reply as a button; the unique
    // key (ticket, incident, kind) keeps a second resolve (after a reopen, or a retried command) from writing again.
    private async Task WriteBackResolutionAsync(IncidentDbContext db, Incident incident, CancellationToken ct)
    {
        if (incident.State != IncidentState.Resolved || incident.Resolution is null)
            return;
        var now = time.GetUtcNow();
        foreach (var ticketId in await NewNotesForAsync(db, incident.Number, TicketNoteKind.Resolution, ct))
        {
            db.TicketNotes.Add(new TicketNote(ticketId, incident.Number, TicketNoteKind.Resolution, WriteBackText.ResolutionNote(incident), now));
            db.TicketTimeline.Add(new TicketTimelineEntry(ticketId, now, "timer", "IncidentBot", "noted", $"Private note with the resolution of {incident.Id} queued."));
            db.Outbox.Add(OutboxMessage.ForTicket(now, ticketId, new Notice(NoticeKind.ReplyOffer, Audience.Support,
                $"{incident.Id} is resolved and Freshdesk ticket #{ticketId} is linked to it. A responder or manager can reply to the customer: the button opens a draft to edit, and nothing is sent until it is submitted."), incident.Number));
        }
    }

    private async Task WriteBackRcaAsync(IncidentDbContext db, Incident incident, CancellationToken ct)
    {
        if (incident.RcaRootCause is null)
            return;
        var now = time.GetUtcNow();
        foreach (var ticketId in await NewNotesForAsync(db, incident.Number, TicketNoteKind.Rca, ct))
        {
            db.TicketNotes.Add(new TicketNote(ticketId, incident.Number, TicketNoteKind.Rca, WriteBackText.RcaNote(incident), now));
            db.TicketTimeline.Add(new TicketTimelineEntry(ticketId, now, "timer", "IncidentBot", "noted", $"Private note with the RCA of {incident.Id} queued."));
        }
    }

    private static async Task<List<long>> NewNotesForAsync(IncidentDbContext db, int number, TicketNoteKind kind, CancellationToken ct)
    {
        var linked = await db.TicketLinks.Where(l => l.IncidentNumber == number).Select(l => l.TicketId).ToListAsync(ct);
        var written = await db.TicketNotes.Where(n => n.IncidentNumber == number && n.Kind == kind).Select(n => n.TicketId).ToListAsync(ct);
        return linked.Except(written).ToList();
    }

    private async Task<TimerResult> FireTicketTimerAsync(IncidentDbContext db, IncidentTimer timer, CancellationToken ct)
    {
        var ticketId = timer.SubjectId;
        var ticket = await db.WatchedTickets.SingleOrDefaultAsync(t => t.TicketId == ticketId, ct);
        if (ticket is null || ticket.Version != timer.IncidentVersion)
        {
            db.Timers.Remove(timer);
            await db.SaveChangesAsync(ct);
            return TimerResult.Stale;
        }

        ticket.Begin();
        var now = time.GetUtcNow();
        if (!ticket.Fire(timer.Kind, plan, now))
        {
            db.Timers.Remove(timer);
            await db.SaveChangesAsync(ct);
            return TimerResult.NoEffect;
        }

        TicketStaging.Stage(db, ticket, await TicketStaging.TimersOfAsync(db, ticketId, ct), plan, now);
        await db.SaveChangesAsync(ct);
        return TimerResult.Fired;
    }
}
