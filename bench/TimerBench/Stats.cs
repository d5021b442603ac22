using System.Globalization;

namespace Jivrus.IncidentBot.Bench.TimerBench;

internal static class Stats
{
    /// <summary>Nearest-rank percentile of an ascending-sorted list.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static string Ms(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
