using System.Globalization;

namespace Jivrus.IncidentBot.Bench.CommandLoad;

/// <summary>Command-line settings; every option has a default so a bare run measures the documented case.</summary>
internal sealed record LoadOptions
{
    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:5090/");
    public string SigningSecret { get; init; } = "bench-secret";
    public int Concurrency { get; init; } = 100;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(30);
    public IReadOnlyList<string> Mixes { get; init; } = ["bare", "help", "show", "list", "ack", "report"];
    public string BarePath { get; init; } = "bench/bare";
    public int ShowIncidents { get; init; } = 100;
    public int AckIncidents { get; init; } = 50_000;
    public int SeedIncidents { get; init; }
    public bool SeedClosed { get; init; }
    public int SeedConcurrency { get; init; } = 100;
    public bool ShowOverHistory { get; init; }
    public bool PerSecond { get; init; }
    public int? HostPid { get; init; }

    public const string Usage =
        "usage: CommandLoad [--url http://127.0.0.1:5090] [--secret bench-secret] [--concurrency 100] " +
        "[--duration 20] [--warmup 30] [--mix bare,help,show,list,ack,report] [--bare-path bench/bare] [--show-incidents 100] " +
        "[--ack-incidents 50000] [--seed-incidents 0] [--seed-closed] [--seed-concurrency 100] [--show-over-history] [--per-second] [--host-pid <pid>]";

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i] switch
            {
                "--per-second" => options with { PerSecond = true },
                "--seed-closed" => options with { SeedClosed = true },
                "--show-over-history" => options with { ShowOverHistory = true },
                _ => null,
            };
            if (flag is not null)
            {
                options = flag;
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--url" => options with { BaseUrl = new Uri(value.EndsWith('/') ? value : value + "/") },
                "--secret" => options with { SigningSecret = value },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--mix" => options with { Mixes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--bare-path" => options with { BarePath = value.TrimStart('/') },
                "--host-pid" => options with { HostPid = int.Parse(value, CultureInfo.InvariantCulture) },
                "--show-incidents" => options with { ShowIncidents = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)) },
                "--ack-incidents" => options with { AckIncidents = Math.Max(1, Count(value)) },
                "--seed-incidents" => options with { SeedIncidents = Math.Max(0, Count(value)) },
                "--seed-concurrency" => options with { SeedConcurrency = Math.Max(1, Count(value)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. {Usage}"),
            };
            i++;
        }

        if (options.Mixes.FirstOrDefault(m => !Mix.Known.Contains(m)) is { } unknown)
            throw new ArgumentException($"Unknown mix '{unknown}'; known: {string.Join(", ", Mix.Known)}.");
        return options;
    }

    // 100000, 100,000 and 100_000 alike.
    private static int Count(string value) => int.Parse(value.Replace(",", "").Replace("_", ""), CultureInfo.InvariantCulture);
}
