using System.Diagnostics;
using Jivrus.IncidentBot.Workflow.Agenda;

namespace Jivrus.IncidentBot.Bench.TimerBench;

/// <summary>
/// (a) Tick cost: with N open incidents whose timers are far in the future, make a fixed number of timers due
/// and time one <c>TimerTick.RunOnceAsync</c> that claims and fires them. Stopwatch harness: warm-up ticks
/// first (JIT, EF query caches, connection pool), then measured ticks; each tick fires fresh timers.
/// </summary>
internal static class TickCost
{
    /// <summary>Open incidents whose timers the ticks fire when the history is closed (<c>--closed</c>): the same at every size.</summary>
    public const int OpenBesideClosed = 1000;

    public static async Task<(double Mean, double Median)> RunAsync(BenchHost host, int incidents, int duePerTick, int warmUp, int repetitions, bool closed = false)
    {
        var now = TimeProvider.System.GetUtcNow();
        var seeding = Stopwatch.StartNew();
        // Far in the future, and spread so the DueAt index is not one value.
        DateTimeOffset Later(int n, TimerKind kind) => now.AddDays(30).AddSeconds(n).AddMinutes((int)kind);
        if (closed)
        {
            await Seeder.AddAsync(host, 1, incidents, Later, closed: true);
            await Seeder.AddAsync(host, incidents + 1, OpenBesideClosed, Later);
            Console.WriteLine($"  seeded {incidents:N0} closed incidents, then {OpenBesideClosed:N0} open ones with their timers, in {seeding.Elapsed.TotalSeconds:F1} s");
        }
        else
        {
            await Seeder.AddAsync(host, 1, incidents, Later);
            Console.WriteLine($"  seeded {incidents:N0} open incidents with their timers in {seeding.Elapsed.TotalSeconds:F1} s");
        }

        var openIncidents = closed ? OpenBesideClosed : incidents;

        var times = new List<double>();
        for (var rep = 0; rep < warmUp + repetitions; rep++)
        {
            var due = TimeProvider.System.GetUtcNow().AddSeconds(-1);
            var made = await Seeder.MakeDueAsync(host, duePerTick, due);
            var clock = Stopwatch.StartNew();
            var result = await host.Tick.RunOnceAsync();
            clock.Stop();
            var handled = result.Fired + result.Stale + result.NoEffect;
            if (made != duePerTick || handled != made || result.Failed > 0)
                Console.WriteLine($"  ! tick {rep}: made {made} due, fired {result.Fired}, stale {result.Stale}, no effect {result.NoEffect}, failed {result.Failed}");
            if (rep >= warmUp)
                times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var mean = times.Average();
        var median = Stats.Percentile(times, 50);
        Console.WriteLine($"  {host.Provider} {incidents,7:N0} {(closed ? $"closed + {OpenBesideClosed:N0} open" : "open")}: tick firing {duePerTick} due timers: mean {Stats.Ms(mean)} ms, median {Stats.Ms(median)} ms, min {Stats.Ms(times[0])} ms, max {Stats.Ms(times[^1])} ms ({repetitions} ticks after {warmUp} warm-up)");
        return (mean, median);
    }
}
