using System.Diagnostics;
using Jivrus.IncidentBot.Bench.TimerBench;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;

// usage: TimerBench [tick|lateness|report-probe|show-probe|list-probe|ack-probe|all] [--sizes 1000,100000] [--closed] [--due 100] [--reps 15] [--timers 10000] [--concurrency 1]
//        list-probe / ack-probe: [--calls 2000] (per round) [--history N] (list: N more open incidents first)
//        TimerBench seed --folder <data folder> --incidents N [--closed]   (a SQLite database for the command benchmark)
var what = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var sizes = Arg("--sizes", "1000,100000").Split(',').Select(int.Parse).ToArray();
var due = int.Parse(Arg("--due", "100"));
var reps = int.Parse(Arg("--reps", "15"));
var timers = int.Parse(Arg("--timers", "10000"));
var concurrency = int.Parse(Arg("--concurrency", "1"));
var closed = args.Contains("--closed");
if (what == "seed")
{
    // The command benchmark's history (run-command-bench.sh --seed-db): N incidents written straight into the
    // database the host will open, open with their timers 30 days away, or resolved and closed.
    var count = int.Parse(Arg("--incidents", "100000").Replace(",", ""));
    if (Arg("--folder", "") is "")
    {
        Console.Error.WriteLine("seed needs --folder <the data folder the host will open>");
        return 2;
    }

    var clock = Stopwatch.StartNew();
    await using (var seeded = await BenchHost.StartAsync(StorageProvider.Sqlite, null, keepIn: Arg("--folder", "")))
    {
        var later = TimeProvider.System.GetUtcNow().AddDays(30);
        await Seeder.AddAsync(seeded, 1, count, (n, kind) => later.AddSeconds(n).AddMinutes((int)kind), closed);
    }

    Console.WriteLine($"seeded INC-1..INC-{count} ({(closed ? "resolved and closed" : "open")}) in {clock.Elapsed.TotalSeconds:F1} s");
    return 0;
}

var postgres = Environment.GetEnvironmentVariable("INCIDENTBOT_TEST_POSTGRES");
var providers = new List<StorageProvider> { StorageProvider.Sqlite };
if (!string.IsNullOrWhiteSpace(postgres))
    providers.Add(StorageProvider.Postgres);
Console.WriteLine($"TimerBench {what} started {DateTimeOffset.UtcNow:u}; providers: {string.Join(", ", providers)}{(providers.Count == 1 ? " (set INCIDENTBOT_TEST_POSTGRES for PostgreSQL)" : "")}");

foreach (var provider in providers)
{
    if (what is "tick" or "all")
    {
        Console.WriteLine($"(a) tick cost, {provider}");
        var results = new List<(int Size, double Mean, double Median)>();
        // A throw-away round first, so the first measured size does not pay for JIT tiering the second no longer pays.
        await using (var warm = await BenchHost.StartAsync(provider, postgres))
        {
            Console.WriteLine("  warm-up round (not reported):");
            await TickCost.RunAsync(warm, 1000, due, warmUp: 5, repetitions: 5, closed);
        }

        foreach (var size in sizes)
        {
            await using var host = await BenchHost.StartAsync(provider, postgres);
            var (mean, median) = await TickCost.RunAsync(host, size, due, warmUp: 5, repetitions: reps, closed);
            results.Add((size, mean, median));
        }

        if (results.Count >= 2)
            Console.WriteLine($"  {provider} ratio {results[^1].Size:N0} / {results[0].Size:N0}: mean {results[^1].Mean / results[0].Mean:F2}, median {results[^1].Median / results[0].Median:F2} (target < 2)");
    }

    if (what is "lateness" or "all")
    {
        Console.WriteLine($"(b) firing lateness, {provider}");
        await using var host = await BenchHost.StartAsync(provider, postgres);
        await Lateness.RunAsync(host, timers, TimeSpan.FromMinutes(1), lead: TimeSpan.FromSeconds(45));
    }

    if (what == "show-probe")
    {
        // Not a budget: the cost of one /incident show read on its own, to explain the command benchmark.
        await using var host = await BenchHost.StartAsync(provider, postgres);
        await host.Desk.ReportAsync(Actor.Employee("U0BENCH", "Bench"), new IncidentReport("Probe", "sev2"));
        for (var round = 0; round < reps; round++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < 5000; i++)
                await host.Desk.ShowAsync(1);
            Console.WriteLine($"  {provider} show: {clock.Elapsed.TotalMicroseconds / 5000:F1} µs each (5,000 sequential), CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / 5000:F1} µs each");
        }
    }

    if (what is "list-probe" or "ack-probe")
    {
        // Not a budget: CPU and bytes per list or ack at the Desk, to explain the command benchmark's list and ack mixes.
        await using var host = await BenchHost.StartAsync(provider, postgres);
        var calls = int.Parse(Arg("--calls", "2000"));
        if (what == "list-probe")
            await CommandProbes.ListAsync(host, reps, calls, history: int.Parse(Arg("--history", "0")));
        else
            await CommandProbes.AckAsync(host, reps, calls);
    }

    if (what == "report-probe")
    {
        // Not a budget: the cost of one report transaction on its own, to explain the command benchmark.
        await using var host = await BenchHost.StartAsync(provider, postgres);
        var who = Actor.Employee("U0BENCH", "Bench");
        for (var round = 0; round < reps; round++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes();
            // --concurrency N: N callers at once, so queued reports share transactions as they do under load.
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) is var i && i <= 3000)
                    await host.Desk.ReportAsync(who, new IncidentReport($"Probe {round}-{i}", "sev2"));
            })));
            Console.WriteLine($"  {provider} report: {clock.Elapsed.TotalMilliseconds / 3000:F3} ms each (3,000, {concurrency} at a time), CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 3000:F3} ms each, {(GC.GetTotalAllocatedBytes() - allocated) / 3000 / 1024.0:F1} KB allocated each");
        }
    }
}

return 0;
