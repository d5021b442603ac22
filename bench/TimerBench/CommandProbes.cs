using System.Diagnostics;
using System.Globalization;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bench.TimerBench;

/// <summary>
/// The Desk's share of the command benchmark's <c>list</c> and <c>ack</c> mixes, measured as CPU and bytes per call
/// rather than wall time (the machine is shared; CPU per call moves much less with the load than latency does).
/// Not a budget. The incidents are those the mixes file: a hundred, sev1..sev4 in turn, every fifth acknowledged,
/// every fifth resolved and half of those closed, so a list answers 80 open with 50 shown; acks go to fresh sev2.
/// </summary>
internal static class CommandProbes
{
    private static readonly Actor Ana = Actor.Person("ana", "Ana");

    public static async Task ListAsync(BenchHost host, int reps, int calls, int history)
    {
        if (history > 0)
            await Seeder.AddAsync(host, 1, history, (n, kind) => TimeProvider.System.GetUtcNow().AddDays(30).AddSeconds(n));
        await FileWorkingDayAsync(host, 100);
        var first = await host.Desk.ListAsync(Workflow.Desk.IncidentFilter.Open, Ana);
        Console.WriteLine($"  list: {first.Total:N0} open, {first.Shown.Count} shown (history {history:N0})");
        for (var round = 0; round < reps; round++)
        {
            var (cpu, bytes, wall) = await MeasureAsync(calls, _ => host.Desk.ListAsync(Workflow.Desk.IncidentFilter.Open, Ana));
            Print($"{host.Provider} list", calls, cpu, bytes, wall);
        }
    }

    public static async Task AckAsync(BenchHost host, int reps, int calls)
    {
        await FileWorkingDayAsync(host, 100);
        for (var round = 0; round < reps; round++)
        {
            var numbers = new List<int>(calls);
            for (var i = 0; i < calls; i++)
                numbers.Add((await host.Desk.ReportAsync(Ana, new IncidentReport($"Ack probe {round}-{i}", "sev2"))).Incident!.Number);
            var (cpu, bytes, wall) = await MeasureAsync(calls, async i =>
            {
                var done = await host.Desk.AcknowledgeAsync(Ana, numbers[i]);
                if (done.Status != Workflow.Desk.DeskStatus.Done)
                    throw new InvalidOperationException($"ack INC-{numbers[i]}: {done.Message}");
            });
            Print($"{host.Provider} ack", calls, cpu, bytes, wall);
        }
    }

    // One after another on the calling thread's continuations, nothing else running in the process.
    private static async Task<(TimeSpan Cpu, long Bytes, TimeSpan Wall)> MeasureAsync(int calls, Func<int, Task> call)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
            await call(i);
        wall.Stop();
        process.Refresh();
        return (process.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - bytes, wall.Elapsed);
    }

    private static void Print(string what, int calls, TimeSpan cpu, long bytes, TimeSpan wall) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: CPU {cpu.TotalMilliseconds / calls:F3} ms each, {bytes / calls / 1024.0:F1} KB allocated each, wall {wall.TotalMilliseconds / calls:F3} ms each ({calls:N0} in a row)"));

    // As CommandLoad's Setup files them, through the Desk instead of HTTP.
    private static async Task FileWorkingDayAsync(BenchHost host, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var n = (await host.Desk.ReportAsync(Ana, new IncidentReport($"Bench seed incident {i}", $"sev{1 + (i % 4)}"))).Incident!.Number;
            if (i % 5 == 1)
                await host.Desk.AcknowledgeAsync(Ana, n);
            else if (i % 5 == 2)
            {
                await host.Desk.ResolveAsync(Ana, n, "Bench seed resolution");
                if (i % 10 == 2)
                    await host.Desk.CloseAsync(Ana, n);
            }
        }
    }
}
