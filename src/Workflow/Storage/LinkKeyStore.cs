using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Reads a generated key, or stores a new one the first time it is asked for. Replicas that start together may both
/// try to store theirs: the purpose is the primary key, so one insert wins and the other replica reads the winner's.
/// </summary>
public sealed class LinkKeyStore(IDbContextFactory<IncidentDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The purpose of the key that signs links.</summary>
    public const string Signing = "links.signing";

    /// <summary>The stored key of <paramref name="purpose"/>; when none is stored yet, <paramref name="generate"/>'s, stored first.</summary>
    public async Task<string> GetOrCreateAsync(string purpose, Func<string> generate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(generate);
        if (await FindAsync(purpose, ct) is { } stored)
            return stored;

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Set<LinkKey>().Add(new LinkKey(purpose, generate(), time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            // Another replica stored its key between our read and our insert (InMemory reports it as an
            // InvalidOperationException); theirs is the one every replica must use, so read it below.
        }

        return await FindAsync(purpose, ct)
            ?? throw new InvalidOperationException($"The key '{purpose}' could neither be stored nor read back.");
    }

    private async Task<string?> FindAsync(string purpose, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<LinkKey>().AsNoTracking().Where(k => k.Purpose == purpose).Select(k => k.Value).SingleOrDefaultAsync(ct);
    }
}
