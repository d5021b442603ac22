using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>A post-mortem ready to hand out: which incident it is about, and the Markdown text.</summary>
public sealed record Postmortem(int Number, string Title, string Markdown)
{
    public string Id => IncidentId.Format(Number);
}

/// <summary>Reads what a post-mortem is written from (incident, timeline, linked tickets) and writes it. Reads only.</summary>
internal sealed class Postmortems(IDbContextFactory<IncidentDbContext> dbFactory, ResponsePlan plan)
{
    /// <summary>
    /// The post-mortem of <paramref name="number"/>, or null when there is no such incident or
    /// <paramref name="asker"/> may not see it. A null asker is the holder of a signed link, which was handed only to
    /// someone who could see the incident then.
    /// </summary>
    public async Task<Postmortem?> WriteAsync(Actor? asker, int number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Number == number, ct);
        if (incident is null || !MaySee(asker, incident))
            return null;
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.IncidentNumber == number).OrderBy(t => t.Id).ToListAsync(ct);
        var tickets = await db.TicketLinks.AsNoTracking().Where(l => l.IncidentNumber == number).ToListAsync(ct);
        var numbered = await db.Actions.AsNoTracking().Where(a => a.IncidentNumber == number).OrderBy(a => a.Number).ToListAsync(ct);
        // An RCA written before actions were numbered kept them as text only: show that text rather than nothing.
        var actions = numbered.Count > 0
            ? numbered.Select(PostmortemAction.Of).ToList()
            : PostmortemAction.FromRcaText(incident.RcaActions);
        return new Postmortem(number, incident.Title, PostmortemDocument.Write(incident, timeline, actions, tickets, plan));
    }

    // A private incident's document is for its members only (Incident.MayView); anyone else is told there is no such
    // incident (null), never "not yours". The holder of a signed link (null asker) was a member when it was handed out.
    private bool MaySee(Actor? asker, Incident incident) => asker is null || incident.MayView(asker, plan);
}
