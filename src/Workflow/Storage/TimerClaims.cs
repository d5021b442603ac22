using Jivrus.IncidentBot.Workflow.Agenda;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Hands out due timers to the host that fires them. A claim is a lease: the timer is marked as taken
/// until <c>now + lease</c>, so another replica skips it, and if the claimer dies the lease runs out and the
/// timer is claimed again. On PostgreSQL the rows are picked with <c>FOR UPDATE SKIP LOCKED</c>, so replicas
/// claiming at the same moment take different rows instead of waiting on each other.
/// </summary>
public sealed class TimerClaims(IDbContextFactory<IncidentDbContext> dbFactory, WriteGate gate)
{
    private static readonly DateTimeOffsetToBinaryConverter Encoding = new();

    public async Task<IReadOnlyList<IncidentTimer>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken ct = default)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        List<IncidentTimer> due;
        if (db.IsPostgres)
        {
            var at = (long)Encoding.ConvertToProvider(now)!;
            due = await db.Timers.FromSqlRaw(
                    """
                    SELECT * FROM timers
                    WHERE "DueAt" <= {0} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {0})
                    ORDER BY "DueAt"
                    LIMIT {1}
                    FOR UPDATE SKIP LOCKED
                    """, at, batchSize)
                .ToListAsync(ct);
        }
        else
        {
            due = await db.Timers
                .Where(t => t.DueAt <= now && (t.ClaimedUntil == null || t.ClaimedUntil < now))
                .OrderBy(t => t.DueAt)
                .Take(batchSize)
                .ToListAsync(ct);
        }

        foreach (var timer in due)
            timer.ClaimedUntil = now + lease;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due;
    }

    /// <summary>
    /// Hands back claims this host took and did not fire (it is stopping): the timers are due again at once for
    /// any host. A claim is released only while it is still the one taken (its lease end unchanged), so a timer
    /// another host claimed after the lease ran out keeps that host's claim. Returns how many were released.
    /// </summary>
    public async Task<int> ReleaseAsync(IReadOnlyCollection<long> timerIds, DateTimeOffset claimedUntil, CancellationToken ct = default)
    {
        if (timerIds.Count == 0)
            return 0;
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claimed = await db.Timers.Where(t => timerIds.Contains(t.Id) && t.ClaimedUntil == claimedUntil).ToListAsync(ct);
        foreach (var timer in claimed)
            timer.ClaimedUntil = null;
        await db.SaveChangesAsync(ct);
        return claimed.Count;
    }

    /// <summary>How many timers are due and unclaimed at <paramref name="now"/> (for logs and tests).</summary>
    public async Task<int> CountDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Timers.CountAsync(t => t.DueAt <= now && (t.ClaimedUntil == null || t.ClaimedUntil < now), ct);
    }
}
