using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>Answers that read and never write: an incident, its timeline, who is on call, and (second file) the list.</summary>
internal sealed partial class IncidentQueries(IDbContextFactory<IncidentDbContext> dbFactory, ResponsePlan plan, IncidentViewFactory views, IncidentViewCache? cache)
{
    // Compiled once: a show of an incident the view cache does not hold (an old one, in a long history) spent more on
    // translating the query than on reading the row.
    private static readonly CompiledPerModel<Func<IncidentDbContext, int, CancellationToken, Task<Incident?>>> IncidentByNumber = new(() =>
        EF.CompileAsyncQuery((IncidentDbContext db, int number, CancellationToken ct) => db.Incidents.AsNoTracking().SingleOrDefault(i => i.Number == number)));

    // asker: a private incident is shown only to its members, and anyone else is answered as for a number that does not
    // exist. Null for the bot itself (delivering its own posts).
    public async Task<DeskResult> ShowAsync(int number, Actor? asker, CancellationToken ct)
    {
        // A private incident is checked on the stored incident, so the one membership rule decides, not a copy of it.
        if (cache is not null && cache.TryGet(number, out var cached) && (asker is null || !cached.IsPrivate))
            return Shown(cached);

        var stamp = cache?.ReadStamp() ?? 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await IncidentByNumber.For(db)(db, number, ct);
        if (incident is null || (asker is not null && !incident.MayView(asker, plan)))
            return DeskResult.NotFound(number);
        var view = views.View(incident);
        cache?.PutRead(view, stamp);
        return Shown(view);
    }

    private static DeskResult Shown(IncidentView view) => new(DeskStatus.Unchanged, $"{view.Id}: {view.Title}", view);

    /// <summary>The incident and its timeline, oldest first; null when there is no such incident or the asker may not see it.</summary>
    public async Task<(IncidentView Incident, IReadOnlyList<TimelineEntry> Entries)?> TimelineAsync(int number, Actor? asker, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Number == number, ct);
        if (incident is null || (asker is not null && !incident.MayView(asker, plan)))
            return null;
        var entries = await db.Timeline.AsNoTracking()
            .Where(t => t.IncidentNumber == number)
            .OrderBy(t => t.Id)
            .ToListAsync(ct);
        return (views.View(incident), entries);
    }

}
