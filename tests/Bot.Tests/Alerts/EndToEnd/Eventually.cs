using System.Collections;
using System.Diagnostics;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.EndToEnd;

/// <summary>Waits for an outcome of asynchronous work (a webhook, the delivery loop) by polling, never by sleeping a fixed time.</summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Reads <paramref name="probe"/> until <paramref name="done"/> holds and returns what it read; after the timeout
    /// fails saying what was awaited and what was last seen.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string awaited, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = await probe();
            if (done(seen))
                return seen;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {awaited}; last saw: {Describe(seen)}");
            await Task.Delay(Poll);
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string text => text,
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        _ => value.ToString() ?? "",
    };
}
