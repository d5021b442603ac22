using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>
/// A fake clock that knows when someone is waiting on it for a short while (a channel's pacer spacing sends
/// to one conversation, a retry backoff), so a driver can let exactly that much time pass instead of hanging.
/// </summary>
internal sealed class ParityClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    /// <summary>Longer waits are someone's schedule, not a send held back; they are left to the test.</summary>
    private static readonly TimeSpan ShortWait = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly List<Waiter> _waiters = [];

    /// <summary>The earliest moment a short wait ends, or null when nobody is waiting.</summary>
    public DateTimeOffset? NextWake
    {
        get
        {
            lock (_gate)
                return _waiters.Count == 0 ? null : _waiters.Min(w => w.Until);
        }
    }

    /// <summary>
    /// Waits for work that may be held back on this clock (a pacer spacing sends to one conversation): whenever it
    /// waits here, exactly the time it waits for passes. Time never moves otherwise.
    /// </summary>
    public async Task<T> SettleAsync<T>(Task<T> work)
    {
        while (!work.IsCompleted)
        {
            var now = GetUtcNow();
            var wake = NextWake;
            if (wake > now)
            {
                Advance(wake.Value - now);
            }
            else
            {
                // Nobody waits on the clock (or a wait is being set up right now): let the work run.
                if (wake is not null)
                    Advance(TimeSpan.Zero);
                await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(5)));
            }
        }

        return await work;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan || dueTime <= TimeSpan.Zero || dueTime > ShortWait)
            return base.CreateTimer(callback, state, dueTime, period);

        // Listed before the timer exists, so a firing can never find it missing; its end is read again afterwards
        // because the clock may have moved in between, and a later end only lets a little more time pass.
        var waiter = new Waiter { Until = GetUtcNow() + dueTime };
        lock (_gate)
            _waiters.Add(waiter);
        var timer = base.CreateTimer(s =>
        {
            Forget(waiter);
            callback(s);
        }, state, dueTime, period);
        lock (_gate)
            waiter.Until = GetUtcNow() + dueTime;
        return new Tracked(timer, () => Forget(waiter));
    }

    private void Forget(Waiter waiter)
    {
        lock (_gate)
            _waiters.Remove(waiter);
    }

    private sealed class Waiter
    {
        public DateTimeOffset Until { get; set; }
    }

    private sealed class Tracked(ITimer inner, Action forget) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            forget();
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            forget();
            return inner.DisposeAsync();
        }
    }
}
