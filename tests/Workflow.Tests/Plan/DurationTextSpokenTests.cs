using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class DurationTextSpokenTests
{
    [Theory]
    [InlineData("1h", 60)]
    [InlineData("45m", 45)]
    [InlineData("1h30m", 90)]
    [InlineData("1 hour", 60)]
    [InlineData("2 hours", 120)]
    [InlineData("2hrs", 120)]
    [InlineData("45 min", 45)]
    [InlineData("45 mins", 45)]
    [InlineData("45 minutes", 45)]
    [InlineData("45minutes", 45)]
    [InlineData("1 Day", 1440)]
    [InlineData("90 seconds", 1.5)]
    public void TryParseSpoken_NaturalForms_AreDurations(string text, double minutes)
    {
        var ok = DurationText.TryParseSpoken(text, out var value);

        ok.Should().BeTrue();
        value.Should().Be(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("45")]
    [InlineData("soon")]
    [InlineData("tomorrow")]
    [InlineData("1 fortnight")]
    [InlineData("hours")]
    [InlineData("0 minutes")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseSpoken_Others_AreNotDurations(string? text) =>
        DurationText.TryParseSpoken(text, out _).Should().BeFalse();
}
