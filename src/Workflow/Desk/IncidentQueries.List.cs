using System.Collections.Concurrent;
using System.Linq.Expressions;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
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
    // The plain `/incident list` (every open incident), the one asked most, compiled once: translating its LINQ on
    // every call (pulling out its parameters, building the cache key) cost more than running both queries.
    private static readonly CompiledPerModel<Func<IncidentDbContext, CancellationToken, Task<int>>> CountOpen = new(() =>
        EF.CompileAsyncQuery((IncidentDbContext db, CancellationToken ct) => db.Incidents.Count(i => OpenStates.Contains(i.State))));

    private static readonly CompiledPerModel<Func<IncidentDbContext, string, IncidentState, int, IAsyncEnumerable<int>>> NewestInState = new(() =>
        EF.CompileAsyncQuery((IncidentDbContext db, string severityId, IncidentState state, int limit) => db.Incidents
            .Where(i => i.SeverityId == severityId && i.State == state).OrderByDescending(i => i.Number).Select(i => i.Number).Take(limit)));

    // The hidden counts kept per asker; past this many askers the kept counts start over.
    private const int MaxAskersKept = 1024;
    private readonly ConcurrentDictionary<string, OpenCount> _hiddenOpen = new(StringComparer.Ordinal);
    private OpenCount? _openCount;
    private Expression<Func<Incident, int>>? _urgency;
    private CompiledPerModel<Func<IncidentDbContext, int, IAsyncEnumerable<int>>>? _openPage;

    /// <summary>
    /// Incidents for <c>/incident list</c>: open ones (optionally only the asker's, optionally of one severity),
    /// most urgent severity first and newest first within a severity; or the most recently closed or cancelled.
    /// <see cref="IncidentList.Total"/> is how many match, <see cref="IncidentList.Shown"/> at most <paramref name="limit"/> of them.
    /// </summary>
    public async Task<IncidentList> ListAsync(IncidentFilter filter, Actor asker, string? severityId, int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (filter == IncidentFilter.Closed)
            return await ClosedAsync(db, asker, limit, ct);

        List<string> severities = plan.Severities.Select(s => s.Id).ToList();
        if (severityId is not null && plan.FindSeverity(severityId) is { } severity)
            severities = [severity.Id];
        else if (severityId is not null)
            return new IncidentList(0, []);

        // Drills only in their own list; private incidents only for their members, in the count as in the page. Built
        // only when asked for: the plain list of every open incident is answered by compiled queries, and building the
        // membership filter cost more than they do.
        IQueryable<Incident>? matchingQuery = null;
        IQueryable<Incident> Matching()
        {
            if (matchingQuery is not null)
                return matchingQuery;
            var drills = filter == IncidentFilter.Drills;
            var query = db.Incidents.AsNoTracking().Where(i => i.IsDrill == drills).Where(IncidentMembers.MayView(asker, plan));
            if (filter == IncidentFilter.Mine)
                query = query.Where(i => i.ReporterId == asker.Id || i.AcknowledgedById == asker.Id || i.CommanderId == asker.Id);
            if (severityId is not null)
            {
                var only = severities[0];
                query = query.Where(i => i.SeverityId == only);
            }
            return matchingQuery = query;
        }

        if (db.IsRelational)
            await db.Database.OpenConnectionAsync(ct); // one connection for the count and the pages
        var stamp = cache?.ReadStamp() ?? 0;
        var everyOpen = filter is not (IncidentFilter.Mine or IncidentFilter.Drills) && severityId is null;
        var hidden = everyOpen ? await HiddenOpenAsync(db, asker, stamp, ct) : 0;
        var total = everyOpen ? await CountOpenAsync(db, stamp, ct) - hidden : await Matching().CountAsync(i => OpenStates.Contains(i.State), ct);
        // The compiled pages below read every open incident: right only while none is a drill or hidden from the asker.
        everyOpen &= hidden == 0;
        List<int> shown;
        if (total <= SortedInOneQueryUpTo && everyOpen)
        {
            shown = await OpenPage().For(db)(db, limit).ToListAsync(ct);
        }
        else if (total <= SortedInOneQueryUpTo)
        {
            // Few open: one query that sorts them all by the plan's order is cheaper than a query per page.
            shown = await Matching().Where(i => OpenStates.Contains(i.State)).OrderBy(Urgency()).ThenByDescending(i => i.Number)
                .Select(i => i.Number).Take(limit).ToListAsync(ct);
        }
        else
        {
            shown = new List<int>(limit);
            foreach (var id in severities)
            {
                if (shown.Count >= Math.Min(limit, total))
                    break;
                var ofSeverity = everyOpen ? null : Matching().Where(i => i.SeverityId == id);
                var take = limit - shown.Count;
                shown.AddRange(await NewestOpenAsync(
                    state => everyOpen ? NewestInState.For(db)(db, id, state, take) : Newest(ofSeverity!, state, take), take, ct));
            }

            // Incidents of a severity the plan no longer names come last.
            if (shown.Count < Math.Min(limit, total))
            {
                var unnamed = Matching().Where(i => !severities.Contains(i.SeverityId));
                var take = limit - shown.Count;
                shown.AddRange(await NewestOpenAsync(state => Newest(unnamed, state, take), take, ct));
            }
        }

        return new IncidentList(total, await ViewsAsync(db, shown, stamp, ct));
    }

    /// <summary>
    /// The newest open incidents of one severity: a limited query per open state, each served by the
    /// (State, SeverityId, Number) index, merged here. Nothing sorts the open incidents that are not shown.
    /// </summary>
    private static async Task<IEnumerable<int>> NewestOpenAsync(Func<IncidentState, IAsyncEnumerable<int>> newestInState, int limit, CancellationToken ct)
    {
        var page = new List<int>();
        foreach (var state in OpenStates)
            page.AddRange(await newestInState(state).ToListAsync(ct));
        return page.OrderDescending().Take(limit);
    }

    private static IAsyncEnumerable<int> Newest(IQueryable<Incident> matching, IncidentState state, int limit) =>
        matching.Where(i => i.State == state).OrderByDescending(i => i.Number).Select(i => i.Number).Take(limit).AsAsyncEnumerable();

    /// <summary>
    /// The views of <paramref name="numbers"/>, in that order. The order and the page come from the index alone (the
    /// numbers); the view cache, where the host keeps one, already holds the views of what it committed, so only the
    /// incidents it does not hold are read (one query) and turned into views, and those are kept for the next list.
    /// </summary>
    private async Task<IReadOnlyList<IncidentView>> ViewsAsync(IncidentDbContext db, List<int> numbers, long stamp, CancellationToken ct)
    {
        var shown = new IncidentView?[numbers.Count];
        List<int>? missing = null;
        for (var k = 0; k < numbers.Count; k++)
        {
            if (cache is not null && cache.TryGet(numbers[k], out var view))
                shown[k] = view;
            else
                (missing ??= []).Add(numbers[k]);
        }

        if (missing is not null)
        {
            var read = await db.Incidents.AsNoTracking().Where(i => missing.Contains(i.Number)).ToDictionaryAsync(i => i.Number, ct);
            for (var k = 0; k < numbers.Count; k++)
            {
                // An incident is never deleted, so every number the page named is there.
                if (shown[k] is null && read.TryGetValue(numbers[k], out var incident))
                {
                    shown[k] = views.View(incident);
                    cache?.PutRead(shown[k]!, stamp);
                }
            }
        }

        return shown.OfType<IncidentView>().ToList();
    }

    // Incident numbers are handed out one after another and incidents are never deleted, so the finished ones
    // are the highest number less the unfinished ones: two index lookups instead of counting the whole history.
    // The newest come from the partial indexes on ClosedAt and CancelledAt, a page of each, merged.
    // Finished drills stay in this list (the bot marks them); finished private incidents count only for their members.
    private async Task<IncidentList> ClosedAsync(IncidentDbContext db, Actor asker, int limit, CancellationToken ct)
    {
        var highest = await db.Incidents.MaxAsync(i => (int?)i.Number, ct) ?? 0;
        var unfinished = await db.Incidents.CountAsync(i => UnfinishedStates.Contains(i.State), ct);
        var hidden = await IncidentSets.Private(db).Where(i => !UnfinishedStates.Contains(i.State)).Where(Not(IncidentMembers.MayView(asker, plan))).CountAsync(ct);
        var visible = db.Incidents.AsNoTracking().Where(IncidentMembers.MayView(asker, plan));
        var closed = await visible.Where(i => i.ClosedAt != null)
            .OrderByDescending(i => i.ClosedAt).ThenByDescending(i => i.Number).Take(limit).ToListAsync(ct);
        var cancelled = await visible.Where(i => i.CancelledAt != null)
            .OrderByDescending(i => i.CancelledAt).ThenByDescending(i => i.Number).Take(limit).ToListAsync(ct);
        var shown = closed.Concat(cancelled)
            .OrderByDescending(i => i.ClosedAt ?? i.CancelledAt).ThenByDescending(i => i.Number)
            .Take(limit).Select(views.View).ToList();
        return new IncidentList(Math.Max(highest - unfinished - hidden, shown.Count), shown);
    }

    /// <summary>
    /// Open incidents the plain list leaves out for this asker: drills, and private incidents they are no member of.
    /// Both are rare and each count runs on its own index, so the cached count of every open incident stays the base.
    /// </summary>
    private async Task<int> HiddenOpenAsync(IncidentDbContext db, Actor asker, long stamp, CancellationToken ct)
    {
        // Who may see an incident follows from its row and the plan alone, so on a single-writer host (one that keeps a
        // view cache) the count stands until a change commits, as the open count does.
        var key = $"{asker.Kind}:{asker.Id}";
        if (cache is not null && _hiddenOpen.TryGetValue(key, out var known) && known.Stamp == stamp)
            return known.Count;
        var count = await CountHiddenOpenAsync(db, asker, ct);
        if (cache is not null)
        {
            if (_hiddenOpen.Count >= MaxAskersKept)
                _hiddenOpen.Clear();
            _hiddenOpen[key] = new OpenCount(stamp, count);
        }

        return count;
    }

    private async Task<int> CountHiddenOpenAsync(IncidentDbContext db, Actor asker, CancellationToken ct)
    {
        var drills = await IncidentSets.Drills(db).CountAsync(i => OpenStates.Contains(i.State), ct);
        var hidden = await IncidentSets.PrivateNotDrills(db).Where(i => OpenStates.Contains(i.State))
            .Where(Not(IncidentMembers.MayView(asker, plan))).CountAsync(ct);
        return drills + hidden;
    }

    private static Expression<Func<Incident, bool>> Not(Expression<Func<Incident, bool>> rule) =>
        Expression.Lambda<Func<Incident, bool>>(Expression.Not(rule.Body), rule.Parameters);

    /// <summary>
    /// How many incidents are open. A host that is its database's only writer (it keeps a view cache) counts again only
    /// after a change was committed since the last count: at 100,000 open the count walks 100,000 index entries, while
    /// the answer is the same until something changes. <paramref name="stamp"/> was taken before counting, so a change
    /// that commits during the count moves the stamp on and the next list counts again.
    /// </summary>
    private async Task<int> CountOpenAsync(IncidentDbContext db, long stamp, CancellationToken ct)
    {
        if (cache is not null && Volatile.Read(ref _openCount) is { } known && known.Stamp == stamp)
            return known.Count;
        var count = await CountOpen.For(db)(db, ct);
        if (cache is not null)
            Volatile.Write(ref _openCount, new OpenCount(stamp, count));
        return count;
    }

    private sealed record OpenCount(long Stamp, int Count);

    /// <summary>The page of <see cref="CountOpen"/>'s incidents, sorted in one query, compiled once per plan (its order is the plan's).</summary>
    private CompiledPerModel<Func<IncidentDbContext, int, IAsyncEnumerable<int>>> OpenPage()
    {
        if (_openPage is not null)
            return _openPage;
        Expression<Func<IncidentDbContext, int, IQueryable<int>>> page = (db, limit) => db.Incidents
            .Where(i => OpenStates.Contains(i.State)).OrderBy(i => 0).ThenByDescending(i => i.Number).Select(i => i.Number).Take(limit);
        var byUrgency = (Expression<Func<IncidentDbContext, int, IQueryable<int>>>)new ByUrgency(Urgency()).Visit(page);
        return _openPage = new(() => EF.CompileAsyncQuery(byUrgency));
    }

    /// <summary>Puts the plan's order in place of the query's <c>OrderBy(i => 0)</c>.</summary>
    private sealed class ByUrgency(Expression<Func<Incident, int>> urgency) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.Name == nameof(Queryable.OrderBy)
                ? Expression.Call(node.Method, Visit(node.Arguments[0]), Expression.Quote(urgency))
                : base.VisitMethodCall(node);
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

    /// <summary>Closed or cancelled, most recently finished first; drills among them too.</summary>
    Closed,

    /// <summary>Open drills (practice incidents), which every other open list leaves out.</summary>
    Drills,
}
