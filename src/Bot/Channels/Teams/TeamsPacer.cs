using System.Collections.Concurrent;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// Keeps sends under Teams' per-conversation limits (about 7 per second and 60 per 30 seconds) by
/// reserving a slot before each send and waiting for it, so bursts are spread instead of throttled.
/// </summary>
internal sealed class TeamsPacer(TimeProvider time)
{
    public const int PerSecond = 7;
    public const int PerHalfMinute = 60;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _sends = new(StringComparer.Ordinal);

    public Task WaitTurnAsync(string conversationId, CancellationToken ct)
    {
        var delay = Reserve(conversationId);
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, ct);
    }

    /// <summary>Reserves the earliest slot that keeps both windows under their limits; returns the wait.</summary>
    public TimeSpan Reserve(string conversationId)
    {
        var sends = _sends.GetOrAdd(TeamsIds.BaseConversation(conversationId), _ => []);
        var now = time.GetUtcNow();
        lock (sends)
        {
            sends.RemoveAll(at => at <= now - HalfMinute);
            var slot = now;
            if (sends.Count > 0 && sends[^1] > slot)
                slot = sends[^1];
            if (sends.Count >= PerSecond && sends[^PerSecond] + Second > slot)
                slot = sends[^PerSecond] + Second;
            if (sends.Count >= PerHalfMinute && sends[^PerHalfMinute] + HalfMinute > slot)
                slot = sends[^PerHalfMinute] + HalfMinute;
            sends.Add(slot);
            return slot - now;
        }
    }
}
