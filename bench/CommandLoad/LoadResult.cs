using System.Diagnostics;
using System.Globalization;

namespace Jivrus.IncidentBot.Bench.CommandLoad;

/// <summary>Latencies (to HTTP 200) of every request in the measured window, and how many failed.</summary>
internal sealed class LoadResult(
    Mix mix, long[] latencyTicks, long errors, TimeSpan elapsed, IReadOnlyDictionary<string, long> errorKinds, IReadOnlyList<long[]> bySecond,
    DateTimeOffset windowStart, CpuUse cpu, IReadOnlyDictionary<string, long> answerKinds)
{
    /// <summary>What the host answered in the window, by kind, for mixes that read their answers; null otherwise.</summary>
    public string? AnswersLine() => answerKinds.Count == 0 ? null
        : "        answers: " + string.Join(", ", answerKinds.OrderByDescending(k => k.Value)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value:N0}")));

    public CpuUse Cpu => cpu;

    public Mix Mix => mix;
    public long Count => latencyTicks.Length;
    public long Errors => errors;
    public double PerSecond => latencyTicks.Length / elapsed.TotalSeconds;

    public double PercentileMs(double p) => PercentileMs(latencyTicks, p);

    /// <summary>One line per second of the window: requests started in it, their p50, p99 and max.</summary>
    public IEnumerable<string> SecondLines() => bySecond.Select((ticks, i) => string.Format(CultureInfo.InvariantCulture,
        "  {5:HH:mm:ss}Z n={1,6}  p50={2,7:F2} ms  p99={3,7:F2} ms  max={4,8:F2} ms", i, ticks.Length, PercentileMs(ticks, 50), PercentileMs(ticks, 99), PercentileMs(ticks, 100), windowStart.AddSeconds(i)));

    // Nearest-rank percentile on sorted latencies.
    private static double PercentileMs(long[] sorted, double p)
    {
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return ToMs(sorted[Math.Clamp(rank, 0, sorted.Length - 1)]);
    }

    public double MaxMs => latencyTicks.Length == 0 ? double.NaN : ToMs(latencyTicks[^1]);

    public string Line() => string.Format(CultureInfo.InvariantCulture,
        "{0,-7} n={1,7}  p50={2,7:F2} ms  p90={3,7:F2} ms  p99={4,7:F2} ms  max={5,8:F2} ms  {6,7:F0} req/s  errors={7}{8}",
        mix.Name, Count, PercentileMs(50), PercentileMs(90), PercentileMs(99), MaxMs, PerSecond, Errors,
        errorKinds.Count == 0 ? "" : " (" + string.Join(", ", errorKinds.Select(k => $"{k.Key}: {k.Value}")) + ")");

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
