using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>Answers that read and never write: an incident, its timeline, who is on call, and (second file) the list.</summary>
internal sealed partial class IncidentQueries(IDbContextFactory<IncidentDbContext> dbFactory, ResponsePlan plan, IncidentViewFactory views, IncidentViewCache? cache)
{
    public async Task<DeskResult> ShowAsync(int number, CancellationToken ct)
    {
        if (cache is not null && cache.TryGet(number, out var cached))
            return Shown(cached);

        var stamp = cache?.ReadStamp() ?? 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Number == number, ct);
        if (incident is null)
            return DeskResult.NotFound(number);
        var view = views.View(incident);
        cache?.PutRead(view, stamp);
        return Shown(view);
    }

    private static DeskResult Shown(IncidentView view) => new(DeskStatus.Unchanged, $"{view.Id}: {view.Title}", view);

    /// <summary>The incident and its timeline, oldest first; null when there is no such incident.</summary>
    public async Task<(IncidentView Incident, IReadOnlyList<TimelineEntry> Entries)?> TimelineAsync(int number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Number == number, ct);
        if (incident is null)
            return null;
        var entries = await db.Timeline.AsNoTracking()
            .Where(t => t.IncidentNumber == number)
            .OrderBy(t => t.Id)
            .ToListAsync(ct);
        return (views.View(incident), entries);
    }

}
