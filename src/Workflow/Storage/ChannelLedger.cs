using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// What the chat adapters remember between requests: where cards were posted, which conversation belongs
/// to which incident, which inbound events were already handled, and conversation references.
/// </summary>
public sealed class ChannelLedger(IDbContextFactory<IncidentDbContext> dbFactory, TimeProvider time)
{
    public async Task RecordPostAsync(string channel, string conversationId, string messageId, int? incidentNumber, string purpose, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChannelPosts.Add(new ChannelPost
        {
            Channel = channel,
            ConversationId = conversationId,
            MessageId = messageId,
            IncidentNumber = incidentNumber,
            Purpose = purpose,
            PostedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ChannelPost>> PostsOfAsync(int incidentNumber, string channel, string purpose, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChannelPosts.AsNoTracking()
            .Where(p => p.IncidentNumber == incidentNumber && p.Channel == channel && p.Purpose == purpose)
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
    }

    public async Task BindConversationAsync(string channel, string conversationId, int incidentNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.IncidentConversations.FindAsync([channel, conversationId], ct);
        if (existing is null)
            db.IncidentConversations.Add(new IncidentConversation { Channel = channel, ConversationId = conversationId, IncidentNumber = incidentNumber });
        else
            existing.IncidentNumber = incidentNumber;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The incident whose own conversation this is, so commands there may leave the id out.</summary>
    public async Task<int?> IncidentOfConversationAsync(string channel, string conversationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.IncidentConversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Channel == channel && c.ConversationId == conversationId, ct);
        return link?.IncidentNumber;
    }

    public async Task<string?> ConversationOfIncidentAsync(string channel, int incidentNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.IncidentConversations.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Channel == channel && c.IncidentNumber == incidentNumber, ct);
        return link?.ConversationId;
    }

    /// <summary>True the first time a key is seen; false for a repeat (a retried webhook, a duplicate event).</summary>
    public async Task<bool> TryMarkEventAsync(string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProcessedEvents.AnyAsync(e => e.Key == key, ct))
            return false;
        db.ProcessedEvents.Add(new ProcessedEvent { Key = key, At = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two deliveries of the same event raced; the other one won.
            return false;
        }
    }

    public async Task SaveReferenceAsync(ConversationReference reference, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.ConversationReferences.FindAsync([reference.Channel, reference.Key], ct);
        reference.UpdatedAt = time.GetUtcNow();
        if (existing is null)
        {
            db.ConversationReferences.Add(reference);
        }
        else
        {
            existing.ConversationId = reference.ConversationId;
            existing.ServiceUrl = reference.ServiceUrl ?? existing.ServiceUrl;
            existing.TenantId = reference.TenantId ?? existing.TenantId;
            existing.Unreachable = reference.Unreachable;
            existing.UpdatedAt = reference.UpdatedAt;
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<ConversationReference?> FindReferenceAsync(string channel, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ConversationReferences.AsNoTracking().SingleOrDefaultAsync(c => c.Channel == channel && c.Key == key, ct);
    }
}
