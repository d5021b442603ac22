using Jivrus.IncidentBot.Workflow.Desk;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>The host's side of the outbox: read what waits, mark per channel what was delivered.</summary>
public sealed class OutboxStore(IDbContextFactory<IncidentDbContext> dbFactory, TimeProvider time)
{
    private const long DispatchLockKey = 0x4F55_5442_4F58; // shared by every replica

    /// <summary>
    /// One replica delivers at a time, which keeps each conversation's order across replicas. On PostgreSQL
    /// this is a session advisory lock held for the round; null means another replica is delivering now.
    /// Elsewhere (one process) it always succeeds.
    /// </summary>
    public async Task<IAsyncDisposable?> TryLeadAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.IsPostgres)
            return db;
        await db.Database.OpenConnectionAsync(ct);
        var acquired = await db.Database
            .SqlQueryRaw<bool>("SELECT pg_try_advisory_lock({0}) AS \"Value\"", DispatchLockKey)
            .SingleAsync(ct);
        if (acquired)
            return new Lead(db);
        await db.DisposeAsync();
        return null;
    }

    private sealed class Lead(IncidentDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [DispatchLockKey]);
            await db.DisposeAsync();
        }
    }

    /// <summary>
    /// Undelivered messages, oldest first, including those waiting for a retry: the dispatcher needs them to
    /// hold back later messages of the same conversation.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> PendingAsync(int max, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking()
            .Where(o => o.DeliveredAt == null)
            .OrderBy(o => o.Id)
            .Take(max)
            .ToListAsync(ct);
    }

    public async Task<bool> IsDeliveredToAsync(long outboxId, string channel, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OutboxDeliveries.AnyAsync(d => d.OutboxId == outboxId && d.Channel == channel, ct);
    }

    public async Task MarkDeliveredToAsync(long outboxId, string channel, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.OutboxDeliveries.AnyAsync(d => d.OutboxId == outboxId && d.Channel == channel, ct))
            return;
        db.OutboxDeliveries.Add(new OutboxDelivery { OutboxId = outboxId, Channel = channel, DeliveredAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every channel has it: the message leaves the queue.</summary>
    public async Task CompleteAsync(long outboxId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Outbox.SingleAsync(o => o.Id == outboxId, ct);
        message.DeliveredAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A channel failed: try again at <paramref name="nextAttemptAt"/>. The error must hold no secrets.</summary>
    public async Task DeferAsync(long outboxId, DateTimeOffset nextAttemptAt, string error, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Outbox.SingleAsync(o => o.Id == outboxId, ct);
        message.Attempts++;
        message.NextAttemptAt = nextAttemptAt;
        message.LastError = error.Length > 500 ? error[..500] : error;
        await db.SaveChangesAsync(ct);
    }
}
