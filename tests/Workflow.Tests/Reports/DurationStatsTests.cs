using Jivrus.IncidentBot.Workflow.Reports;

namespace Jivrus.IncidentBot.Workflow.Tests.Reports;

public sealed class DurationStatsTests
{
    private static IEnumerable<TimeSpan> Minutes(params int[] values) => values.Select(v => TimeSpan.FromMinutes(v));

    [Fact]
    public void Of_TenValues_TakesRanksFiveAndNine()
    {
        var stats = DurationStats.Of(Minutes(10, 1, 9, 2, 8, 3, 7, 4, 6, 5));

        stats.Should().Be(new DurationStats(10, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(9)));
    }

    [Fact]
    public void Of_EvenCount_MedianIsTheLowerMiddleValue()
    {
        var stats = DurationStats.Of(Minutes(40, 10));

        stats.Median.Should().Be(TimeSpan.FromMinutes(10));
        stats.P90.Should().Be(TimeSpan.FromMinutes(40));
    }

    [Fact]
    public void Of_OneValue_IsThatValueForBoth()
    {
        var stats = DurationStats.Of(Minutes(7));

        stats.Should().Be(new DurationStats(1, TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(7)));
    }

    [Fact]
    public void Of_Nothing_HasNoFigures()
    {
        var stats = DurationStats.Of([]);

        stats.Should().Be(DurationStats.None);
        stats.Median.Should().BeNull();
    }

    [Fact]
    public void Percent_WithNothingDue_IsNull()
    {
        var compliance = new Compliance(0, 0);

        compliance.Percent.Should().BeNull();
    }
}
