using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

// The public reply to the customer of a ticket linked to a resolved incident. It goes out under the name of a
// person who may change the incident, so it passes the same permission check as every other change.
internal sealed partial class IncidentTickets
{
    /// <summary>
    /// The customer-facing draft a person edits before sending the reply; refused (with who can) for anyone who may
    /// not change the incident, and answered "already sent" once the reply is on its way. Writes nothing.
    /// </summary>
    public async Task<TicketReplyDraft> DraftReplyAsync(Actor who, int number, long ticketId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, ticket, problem) = await CheckReplyAsync(db, who, number, ticketId, now, ct);
        if (problem is not null)
            return new TicketReplyDraft(problem.Status, problem.Message, null);
        return new TicketReplyDraft(DeskStatus.Done, $"Edit the reply to the customer of ticket #{ticketId} before you send it.",
            WriteBackText.CustomerReplyDraft(ticket!.Requester, ticket.Subject, who.Name));
    }

    /// <summary>
    /// Queues the reply a person wrote for the customer of a ticket linked to a resolved incident, and records what
    /// was sent and by whom on the incident's timeline and the ticket's. Once per ticket and incident: a second
    /// submission (a double press, a retry) sends nothing more.
    /// </summary>
    public async Task<DeskResult> SendReplyAsync(Actor who, int number, long ticketId, string body, CancellationToken ct)
    {
        var text = body.Trim();
        if (text.Length == 0)
            return DeskResult.Invalid("Write the reply to the customer; an empty reply is not sent.");
        if (text.Length > WriteBackText.MaxReplyLength)
            return DeskResult.Invalid($"The reply is too long ({text.Length} characters; at most {WriteBackText.MaxReplyLength}).");

        var result = await work.RunAsync(async scope =>
        {
            var db = scope.Db;
            var (incident, _, problem) = await CheckReplyAsync(db, who, number, ticketId, scope.Now, ct);
            if (problem is not null)
            {
                if (problem.Status == DeskStatus.Refused)
                    db.Timeline.Add(new TimelineEntry(number, scope.Now, who, "refused", problem.Message, incident!.State, incident.State));
                return problem;
            }

            var quoted = WriteBackText.OneLine(text);
            db.TicketNotes.Add(new TicketNote(ticketId, number, TicketNoteKind.Reply, text, scope.Now));
            db.Timeline.Add(new TimelineEntry(number, scope.Now, who, "replied",
                $"{who.Name} replied to the customer of Freshdesk ticket #{ticketId}: \"{quoted}\"", incident!.State, incident.State));
            db.TicketTimeline.Add(new TicketTimelineEntry(ticketId, scope.Now, who.Id, who.Name, "replied",
                $"{who.Name} replied to the customer about {incident.Id}: \"{quoted}\""));
            return new DeskResult(DeskStatus.Done,
                $"Your reply to the customer of ticket #{ticketId} is on its way to Freshdesk. It is on the timelines of {incident.Id} and of the ticket.");
        }, ct,
        // Another replica queued the reply for this ticket and incident at the same moment: one reply is what was asked for.
        onConflict: _ => new DeskResult(DeskStatus.Unchanged, AlreadySent(ticketId, null)));
        if (result.Status == DeskStatus.Done)
            log.LogInformation("{Actor} queued the customer reply on ticket #{Ticket} for {Incident}", who.Id, ticketId, IncidentId.Format(number));
        return result;
    }

    private async Task<(Incident? Incident, WatchedTicket? Ticket, DeskResult? Problem)> CheckReplyAsync(
        IncidentDbContext db, Actor who, int number, long ticketId, DateTimeOffset now, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Number == number, ct);
        if (incident is null || !incident.MayView(who, plan))
            return (null, null, DeskResult.NotFound(number));
        var ticket = await db.WatchedTickets.AsNoTracking().SingleOrDefaultAsync(t => t.TicketId == ticketId, ct);
        if (ticket is null || !await db.TicketLinks.AnyAsync(l => l.TicketId == ticketId && l.IncidentNumber == number, ct))
            return (incident, ticket, DeskResult.Invalid($"Ticket #{ticketId} is not linked to {incident.Id}, so there is no reply to send about it."));
        if (incident.State is not (IncidentState.Resolved or IncidentState.RcaPending or IncidentState.Closed))
            return (incident, ticket, DeskResult.Invalid($"{incident.Id} is not resolved yet; reply to the customer of ticket #{ticketId} once it is."));

        // Only a check: the reply is not an intent of the incident, so the "change" answers the refusal or nothing.
        var allowed = incident.Change(new IncidentContext(plan, now, await OnCallDesk.RosterAsync(db, plan, now, ct)), i =>
            Permission.Responder.Check(plan, who, $"reply to the customer of ticket #{ticketId} about", i) ?? Outcome.Unchanged(""));
        if (allowed.Kind == OutcomeKind.Refused)
            return (incident, ticket, new DeskResult(DeskStatus.Refused, allowed.Message));

        if (await db.TicketNotes.AnyAsync(n => n.TicketId == ticketId && n.IncidentNumber == number && n.Kind == TicketNoteKind.Reply, ct))
        {
            var sender = await db.TicketTimeline.AsNoTracking().Where(e => e.TicketId == ticketId && e.Action == "replied")
                .OrderByDescending(e => e.Id).Select(e => e.ActorName).FirstOrDefaultAsync(ct);
            return (incident, ticket, new DeskResult(DeskStatus.Unchanged, AlreadySent(ticketId, sender)));
        }

        return (incident, ticket, null);
    }

    private static string AlreadySent(long ticketId, string? sender) =>
        $"{sender ?? "Someone"} already replied to the customer of ticket #{ticketId}; nothing more was sent.";
}
