using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>
/// Builds the managers' summary of a day or a week from the incidents and their timelines. Read-only:
/// one query for the incidents that can matter to the window, one for their timelines, then plain arithmetic
/// in <see cref="SummaryFigures"/>.
/// </summary>
public sealed class SummaryReporter(IDbContextFactory<IncidentDbContext> dbFactory, ResponsePlan plan, TimeProvider time)
{
    private readonly SummaryClock _clock = new(plan);

    /// <summary>When summaries are due, for the host that posts them.</summary>
    public SummaryClock Clock => _clock;

    /// <summary>The summary of the <paramref name="period"/> ending at <paramref name="endingAt"/> (default: now).</summary>
    public async Task<Summary> BuildAsync(ReportPeriod period, DateTimeOffset? endingAt = null, CancellationToken ct = default)
    {
        // Stored instants are UTC and compared as encoded integers, so bounds must be UTC too.
        var end = (endingAt ?? time.GetUtcNow()).ToUniversalTime();
        var start = _clock.WindowStart(period, end);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var live = new[] { IncidentState.Reported, IncidentState.Acknowledged, IncidentState.Mitigated, IncidentState.RcaPending };

        // Anything decided in the window was decided at or before its latest change, so an incident that
        // finished before the window and is not live cannot matter.
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.ReportedAt < end
                && (live.Contains(i.State)
                    || i.ReportedAt >= start
                    || i.FirstAcknowledgedAt >= start
                    || i.ResolvedAt >= start
                    || i.ClosedAt >= start
                    || i.CancelledAt >= start))
            .ToListAsync(ct);
        var numbers = incidents.Select(i => i.Number).ToList();
        var entries = await db.Timeline.AsNoTracking()
            .Where(t => numbers.Contains(t.IncidentNumber) && t.At < end)
            .OrderBy(t => t.Id)
            .ToListAsync(ct);

        var byIncident = entries.ToLookup(e => e.IncidentNumber);
        // Drills are practice: out of every real figure, and reported on their own.
        var drills = incidents.Where(i => i.IsDrill).ToList();
        incidents = incidents.Where(i => !i.IsDrill).ToList();
        var histories = incidents.ToDictionary(i => i.Number, i => IncidentHistory.Replay(byIncident[i.Number], plan.Escalation.Top));
        var summary = new SummaryFigures(plan, period, start, end).Compute(incidents, histories);
        return summary with
        {
            TicketBreaches = await TicketBreachesAsync(db, start, end, ct),
            Actions = await ActionFigures.ReadAsync(db, start, end, ct),
            Drills = DrillFigures.Compute(plan, drills, byIncident, start, end),
        };
    }

    private static async Task<IReadOnlyList<TicketBreachCounts>> TicketBreachesAsync(IncidentDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var breached = await db.WatchedTickets.AsNoTracking()
            .Where(t => (t.RespondBreachedAt >= start && t.RespondBreachedAt < end) || (t.ResolveBreachedAt >= start && t.ResolveBreachedAt < end))
            .Select(t => new { t.Priority, t.RespondBreachedAt, t.ResolveBreachedAt })
            .ToListAsync(ct);
        return breached.GroupBy(t => t.Priority).OrderByDescending(g => g.Key)
            .Select(g => new TicketBreachCounts(
                Tickets.TicketCodes.PriorityName(g.Key),
                g.Count(t => t.RespondBreachedAt >= start && t.RespondBreachedAt < end),
                g.Count(t => t.ResolveBreachedAt >= start && t.ResolveBreachedAt < end)))
            .ToList();
    }
}
