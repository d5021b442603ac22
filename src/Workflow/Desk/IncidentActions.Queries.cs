using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Desk;

internal sealed partial class IncidentActions
{
    /// <summary>The actions of incident <paramref name="number"/> in their numbered order; null when there is no such incident.</summary>
    public async Task<IReadOnlyList<ActionView>?> OfIncidentAsync(int number, Actor asker, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Incidents.Where(IncidentMembers.MayView(asker, plan)).AnyAsync(i => i.Number == number, ct))
            return null;
        var actions = await db.Actions.AsNoTracking().Where(a => a.IncidentNumber == number).OrderBy(a => a.Number).ToListAsync(ct);
        return actions.Select(ActionView.Of).ToList();
    }

    /// <summary>
    /// Open actions across incidents: the asker's (soonest due first, undated last) or every overdue one (most overdue
    /// first); at most <paramref name="limit"/> of them, with how many matched.
    /// </summary>
    public async Task<ActionList> ListAsync(ActionFilter filter, Actor asker, DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Actions.AsNoTracking().Where(a => a.State == ActionState.Open);
        var query = filter == ActionFilter.Mine
            ? open.Where(a => a.OwnerId == asker.Id)
            : open.Where(a => a.DueAt != null && a.DueAt <= now);
        // The owner sees their own actions; anyone else only those of incidents they may see (not others' private ones).
        var visible = db.Incidents.Where(IncidentMembers.MayView(asker, plan)).Select(i => i.Number);
        query = query.Where(a => a.OwnerId == asker.Id || visible.Contains(a.IncidentNumber));
        var total = await query.CountAsync(ct);
        var shown = await query
            .OrderBy(a => a.DueAt == null).ThenBy(a => a.DueAt).ThenBy(a => a.IncidentNumber).ThenBy(a => a.Number)
            .Take(limit)
            .ToListAsync(ct);
        return new ActionList(shown.Select(ActionView.Of).ToList(), total);
    }
}
