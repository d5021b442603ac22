using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Keeps posts into one Slack conversation at least <see cref="SlackOptions.PostInterval"/> apart, as
/// Slack asks (about one message per second per channel). Each caller reserves the next free slot under
/// the lock and waits outside it, so conversations never hold each other up.
/// </summary>
internal sealed class SlackPacer(IOptions<SlackOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);

    public Task WaitTurnAsync(string conversation, CancellationToken ct)
    {
        var interval = options.Value.PostInterval;
        if (interval <= TimeSpan.Zero)
            return Task.CompletedTask;

        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot.TryGetValue(conversation, out var next) && next > now ? next : now;
            _nextSlot[conversation] = slot + interval;
            wait = slot - now;
            if (_nextSlot.Count > 10_000)
                Forget(now);
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, time, ct) : Task.CompletedTask;
    }

    // Slots in the past hold no information; dropping them keeps the table the size of the busy conversations.
    private void Forget(DateTimeOffset now)
    {
        foreach (var key in _nextSlot.Where(p => p.Value <= now).Select(p => p.Key).ToList())
            _nextSlot.Remove(key);
    }
}
