using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Observability;

/// <summary>
/// What waits in the database for the host: undelivered outbox messages and overdue timers nobody has claimed. Each
/// read is two indexed queries (the outbox's <c>DeliveredAt</c>, the timers' <c>DueAt</c>), cheap enough for a scrape
/// or a readiness probe; the host still caches it for a few seconds (see the Bot's observability).
/// </summary>
public sealed class BacklogProbe(IDbContextFactory<IncidentDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Reads the backlog now.</summary>
    public async Task<Backlog> ReadAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var undelivered = db.Outbox.AsNoTracking().Where(o => o.DeliveredAt == null);
        var count = await undelivered.CountAsync(ct);
        // Ids grow with time, so the lowest undelivered id is the oldest message.
        var oldest = count == 0 ? (DateTimeOffset?)null : await undelivered.OrderBy(o => o.Id).Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefaultAsync(ct);
        var overdue = await db.Timers.AsNoTracking()
            .Where(t => t.DueAt <= now && (t.ClaimedUntil == null || t.ClaimedUntil < now))
            .OrderBy(t => t.DueAt)
            .Select(t => (DateTimeOffset?)t.DueAt)
            .FirstOrDefaultAsync(ct);
        return new Backlog(now, count, oldest is { } o ? now - o : TimeSpan.Zero, overdue is { } d ? now - d : TimeSpan.Zero);
    }
}

/// <summary>The backlog at <paramref name="At"/>; an age is zero when nothing waits.</summary>
/// <param name="At">When it was read.</param>
/// <param name="OutboxMessages">Messages not yet delivered to every channel, those waiting for a retry included.</param>
/// <param name="OldestOutboxAge">How long the oldest of them has waited.</param>
/// <param name="OldestOverdueTimer">How long past its due time the most overdue unclaimed timer is.</param>
public sealed record Backlog(DateTimeOffset At, int OutboxMessages, TimeSpan OldestOutboxAge, TimeSpan OldestOverdueTimer);
