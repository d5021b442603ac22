using System.Diagnostics;
using Jivrus.IncidentBot.Bot.Scheduling;
using Jivrus.IncidentBot.Workflow.Agenda;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Bench.TimerBench;

/// <summary>
/// (b) Firing lateness: timers due spread evenly over one minute, the host's loop running (TimerTick on a
/// PeriodicTimer with the real TimeProvider and the default tick interval, as TimerService does). Lateness is
/// the fired change's timeline time (taken inside the firing transaction) minus the timer's due time.
/// </summary>
internal static class Lateness
{
    public static async Task RunAsync(BenchHost host, int timers, TimeSpan spread, TimeSpan lead)
    {
        var seedStart = TimeProvider.System.GetUtcNow();
        var first = seedStart + lead;
        DateTimeOffset DueOf(int n) => first + spread * ((n - 1) / (double)timers);
        await Seeder.AddAsync(host, 1, timers, (n, kind) => kind == TimerKind.AckReminder ? DueOf(n) : seedStart.AddDays(30).AddSeconds(n));
        var seeded = TimeProvider.System.GetUtcNow();
        Console.WriteLine($"  seeded {timers:N0} incidents in {(seeded - seedStart).TotalSeconds:F1} s; first due at +{lead.TotalSeconds:F0} s, last at +{(lead + spread).TotalSeconds:F0} s");
        if (seeded > first)
            Console.WriteLine("  ! seeding ran past the first due time: raise the lead, the early timers' lateness is not the loop's");

        var interval = new SchedulingOptions().TickInterval;
        using var stop = new CancellationTokenSource();
        var ticks = 0;
        var loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval, TimeProvider.System);
            do
            {
                await host.Tick.RunOnceAsync(stop.Token);
                ticks++;
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        });

        var deadline = Stopwatch.StartNew();
        var limit = lead + spread + TimeSpan.FromMinutes(2);
        int fired;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await using var db = await host.Db.CreateDbContextAsync();
            fired = await db.Timeline.CountAsync(t => t.Action == "ack-reminder");
        }
        while (fired < timers && deadline.Elapsed < limit);
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        await using var read = await host.Db.CreateDbContextAsync();
        var entries = await read.Timeline.AsNoTracking().Where(t => t.Action == "ack-reminder").Select(t => new { t.IncidentNumber, t.At }).ToListAsync();
        var late = entries.Select(e => (e.At - DueOf(e.IncidentNumber)).TotalMilliseconds).Order().ToList();
        Console.WriteLine($"  {host.Provider}: {entries.Count:N0} of {timers:N0} fired ({ticks} ticks of {interval.TotalMilliseconds} ms); lateness p50 {Stats.Ms(Stats.Percentile(late, 50))} ms, p90 {Stats.Ms(Stats.Percentile(late, 90))} ms, p99 {Stats.Ms(Stats.Percentile(late, 99))} ms, max {Stats.Ms(late.Count == 0 ? double.NaN : late[^1])} ms, min {Stats.Ms(late.Count == 0 ? double.NaN : late[0])} ms");
    }
}
