using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Desk;

internal sealed partial class IncidentTickets
{
    /// <summary>
    /// Writes the incident's corrective actions, as they now stand, to each linked ticket as one private note. A ticket
    /// keeps one actions note per incident: a change rewrites it and sends it again, and changes made before it was
    /// sent go out together as the latest list.
    /// </summary>
    public async Task WriteBackActionsAsync(ChangeScope scope, Incident incident, IReadOnlyList<CorrectiveAction> actions, CancellationToken ct)
    {
        var db = scope.Db;
        var linked = await db.TicketLinks.Where(l => l.IncidentNumber == incident.Number).Select(l => l.TicketId).ToListAsync(ct);
        if (linked.Count == 0 || actions.Count == 0)
            return;
        var body = WriteBackActions.Note(incident, actions.OrderBy(a => a.Number).Select(ActionView.Of), plan, scope.Now);
        var notes = await db.TicketNotes.Where(n => n.IncidentNumber == incident.Number && n.Kind == TicketNoteKind.Actions).ToListAsync(ct);
        foreach (var ticketId in linked)
        {
            if (notes.Find(n => n.TicketId == ticketId) is { } note)
                note.Rewrite(body, scope.Now);
            else
                db.TicketNotes.Add(new TicketNote(ticketId, incident.Number, TicketNoteKind.Actions, body, scope.Now));
            db.TicketTimeline.Add(new TicketTimelineEntry(ticketId, scope.Now, "timer", "IncidentBot", "noted", $"Private note with the corrective actions of {incident.Id} queued."));
        }
    }
}
