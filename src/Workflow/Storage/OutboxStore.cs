using Jivrus.IncidentBot.Workflow.Desk;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>The host's side of the outbox: read what waits, mark per channel what was delivered.</summary>
public sealed class OutboxStore(IDbContextFactory<IncidentDbContext> dbFactory, TimeProvider time)
{
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
