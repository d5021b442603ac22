namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>The nearest-rank percentile: the value at 1-based rank ceil(p/100 x n) of the sorted values.</summary>
internal static class NearestRank
{
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);

        // Integer ceiling keeps ranks exact (0.9 x 10 is 9, not 9.000000000000002).
        var rank = (percent * sorted.Count + 99) / 100;
        return sorted[rank - 1];
    }
}
