using Jivrus.IncidentBot.Workflow.OnCall;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// The on-call overrides in force or to come, kept in memory between reads: every report, command and deadline that
/// pages asks who is on call, and the overrides change a few times a week. A read is reused until the earliest of
/// <see cref="MaxAge"/> after it (so an override another replica made is seen within that), the instant an override
/// it holds starts or ends (the roster changes then without any write), and <see cref="Invalidate"/>, which this
/// process calls once it added or cancelled an override. One per unit of work, so per desk.
/// </summary>
internal sealed class OnCallOverrideCache
{
    /// <summary>The longest a read is reused: how late this replica may learn of another replica's override.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private Snapshot? _snapshot;

    // Moved on by every invalidation: a read that began before one may not store what it read, which can predate the change.
    private long _generation;

    /// <summary>The overrides not cancelled and not ended at <paramref name="now"/>, from the database.</summary>
    public static async Task<List<OnCallOverride>> ReadAsync(IncidentDbContext db, DateTimeOffset now, CancellationToken ct) =>
        await db.OnCallOverrides.AsNoTracking().Where(o => o.CancelledAt == null && o.Until > now).ToListAsync(ct);

    /// <summary>The overrides in force or to come at <paramref name="now"/>; a stale or missing copy is read through <paramref name="db"/>.</summary>
    public Task<IReadOnlyList<OnCallOverride>> InForceAsync(IncidentDbContext db, DateTimeOffset now, CancellationToken ct) =>
        InForceAsync(now, token => ReadAsync(db, now, token), ct);

    /// <summary>The same, opening a context of <paramref name="dbFactory"/> only when the copy must be read again.</summary>
    public Task<IReadOnlyList<OnCallOverride>> InForceAsync(IDbContextFactory<IncidentDbContext> dbFactory, DateTimeOffset now, CancellationToken ct) =>
        InForceAsync(now, async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            return await ReadAsync(db, now, token);
        }, ct);

    /// <summary>Drops the copy: this process changed the overrides, and its next read must see that.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _generation++;
            _snapshot = null;
        }
    }

    /// <summary>The copy when it is fresh at <paramref name="now"/>, else what <paramref name="read"/> answers (kept unless invalidated meanwhile).</summary>
    internal async Task<IReadOnlyList<OnCallOverride>> InForceAsync(
        DateTimeOffset now, Func<CancellationToken, Task<List<OnCallOverride>>> read, CancellationToken ct)
    {
        long generation;
        lock (_lock)
        {
            if (_snapshot is { } held && held.ReadAt <= now && now < held.FreshUntil)
                return held.Overrides;
            generation = _generation;
        }

        var overrides = await read(ct);
        lock (_lock)
        {
            if (_generation == generation)
                _snapshot = new Snapshot(overrides, now, FreshUntil(overrides, now));
        }

        return overrides;
    }

    private static DateTimeOffset FreshUntil(IEnumerable<OnCallOverride> overrides, DateTimeOffset readAt)
    {
        var until = readAt + MaxAge;
        foreach (var entry in overrides)
        {
            if (entry.From > readAt && entry.From < until)
                until = entry.From;
            if (entry.Until < until)
                until = entry.Until;
        }

        return until;
    }

    private sealed record Snapshot(IReadOnlyList<OnCallOverride> Overrides, DateTimeOffset ReadAt, DateTimeOffset FreshUntil);
}
