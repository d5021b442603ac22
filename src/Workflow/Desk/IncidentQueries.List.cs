using System.Linq.Expressions;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Desk;

// /incident list. Each answer is a COUNT and limited, ordered queries on an index, so what it reads is what it
// shows, with a hundred thousand incidents in the history (open or closed) as with a thousand.
internal sealed partial class IncidentQueries
{
    private static readonly IncidentState[] OpenStates = [IncidentState.Reported, IncidentState.Acknowledged, IncidentState.Mitigated];
    private static readonly IncidentState[] UnfinishedStates = [.. OpenStates, IncidentState.Resolved, IncidentState.RcaPending];

    // Up to this many open incidents, sorting them all in one query costs less than a query per severity and state.
    private const int SortedInOneQueryUpTo = 500;
    private Expression<Func<Incident, int>>? _urgency;

    /// <summary>
    /// Incidents for <c>/incident list</c>: open ones (optionally only the asker's, optionally of one severity),
    /// most urgent severity first and newest first within a severity; or the most recently closed or cancelled.
    /// <see cref="IncidentList.Total"/> is how many match, <see cref="IncidentList.Shown"/> at most <paramref name="limit"/> of them.
    /// </summary>
    public async Task<IncidentList> ListAsync(IncidentFilter filter, Actor asker, string? severityId, int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (filter == IncidentFilter.Closed)
            return await ClosedAsync(db, limit, ct);

        IQueryable<Incident> matching = db.Incidents.AsNoTracking();
        if (filter == IncidentFilter.Mine)
            matching = matching.Where(i => i.ReporterId == asker.Id || i.AcknowledgedById == asker.Id || i.CommanderId == asker.Id);
        List<string> severities = plan.Severities.Select(s => s.Id).ToList();
        if (severityId is not null && plan.FindSeverity(severityId) is { } severity)
        {
            severities = [severity.Id];
            matching = matching.Where(i => i.SeverityId == severity.Id);
        }
        else if (severityId is not null)
        {
            return new IncidentList(0, []);
        }

        if (db.Database.IsRelational())
            await db.Database.OpenConnectionAsync(ct); // one connection for the count and the pages
        var total = await matching.CountAsync(i => OpenStates.Contains(i.State), ct);
        if (total <= SortedInOneQueryUpTo)
        {
            // Few open: one query that sorts them all by the plan's order is cheaper than a query per page.
            var few = await matching.Where(i => OpenStates.Contains(i.State)).OrderBy(Urgency()).ThenByDescending(i => i.Number).Take(limit).ToListAsync(ct);
            return new IncidentList(total, few.Select(views.View).ToList());
        }

        var shown = new List<Incident>(limit);
        foreach (var id in severities)
        {
            if (shown.Count >= Math.Min(limit, total))
                break;
            shown.AddRange(await NewestOpenAsync(matching.Where(i => i.SeverityId == id), limit - shown.Count, ct));
        }

        // Incidents of a severity the plan no longer names come last.
        if (shown.Count < Math.Min(limit, total))
            shown.AddRange(await NewestOpenAsync(matching.Where(i => !severities.Contains(i.SeverityId)), limit - shown.Count, ct));

        return new IncidentList(total, shown.Select(views.View).ToList());
    }

    /// <summary>
    /// The newest open incidents of one severity: a limited query per open state, each served by the
    /// (State, SeverityId, Number) index, merged here. Nothing sorts the open incidents that are not shown.
    /// </summary>
    private static async Task<IEnumerable<Incident>> NewestOpenAsync(IQueryable<Incident> ofSeverity, int limit, CancellationToken ct)
    {
        var page = new List<Incident>();
        foreach (var state in OpenStates)
            page.AddRange(await ofSeverity.Where(i => i.State == state).OrderByDescending(i => i.Number).Take(limit).ToListAsync(ct));
        return page.OrderByDescending(i => i.Number).Take(limit);
    }

    // Incident numbers are handed out one after another and incidents are never deleted, so the finished ones
    // are the highest number less the unfinished ones: two index lookups instead of counting the whole history.
    // The newest come from the partial indexes on ClosedAt and CancelledAt, a page of each, merged.
    private async Task<IncidentList> ClosedAsync(Storage.IncidentDbContext db, int limit, CancellationToken ct)
    {
        var highest = await db.Incidents.MaxAsync(i => (int?)i.Number, ct) ?? 0;
        var unfinished = await db.Incidents.CountAsync(i => UnfinishedStates.Contains(i.State), ct);
        var closed = await db.Incidents.AsNoTracking().Where(i => i.ClosedAt != null)
            .OrderByDescending(i => i.ClosedAt).ThenByDescending(i => i.Number).Take(limit).ToListAsync(ct);
        var cancelled = await db.Incidents.AsNoTracking().Where(i => i.CancelledAt != null)
            .OrderByDescending(i => i.CancelledAt).ThenByDescending(i => i.Number).Take(limit).ToListAsync(ct);
        var shown = closed.Concat(cancelled)
            .OrderByDescending(i => i.ClosedAt ?? i.CancelledAt).ThenByDescending(i => i.Number)
            .Take(limit).Select(views.View).ToList();
        return new IncidentList(Math.Max(highest - unfinished, shown.Count), shown);
    }

    /// <summary>The plan's order of severities as a number the database can sort by (CASE WHEN), most urgent 0.</summary>
    private Expression<Func<Incident, int>> Urgency()
    {
        if (_urgency is not null)
            return _urgency;
        var incident = Expression.Parameter(typeof(Incident), "i");
        var severity = Expression.Property(incident, nameof(Incident.SeverityId));
        Expression rank = Expression.Constant(plan.Severities.Count);
        for (var k = plan.Severities.Count - 1; k >= 0; k--)
            rank = Expression.Condition(Expression.Equal(severity, Expression.Constant(plan.Severities[k].Id)), Expression.Constant(k), rank);
        return _urgency = Expression.Lambda<Func<Incident, int>>(rank, incident);
    }
}

/// <summary>An answer to <c>/incident list</c>: how many incidents match, and the ones shown.</summary>
public sealed record IncidentList(int Total, IReadOnlyList<IncidentView> Shown);

/// <summary>Which incidents <c>/incident list</c> shows.</summary>
public enum IncidentFilter
{
    Open,
    Mine,
    Severity,

    /// <summary>Closed or cancelled, most recently finished first.</summary>
    Closed,
}
