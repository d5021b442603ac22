using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class ScheduleValidationTests
{
    [Fact]
    public void Load_WhenTimeZoneIsUnknown_ReportsLineOne()
    {
        var yaml = new PlanYaml { TimeZone = "timeZone: Asia/Kolkatta" };

        SingleError(yaml, 1, "unknown time zone 'Asia/Kolkatta'");
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    public void Load_WithIanaTimeZone_FindsIt(string id)
    {
        var yaml = new PlanYaml { TimeZone = $"timeZone: {id}" };

        var plan = PlanLoader.Parse(yaml.Text, FileName);

        plan.TimeZone.Should().Be(TimeZoneInfo.FindSystemTimeZoneById(id));
    }

    [Fact]
    public void Load_WhenBusinessHoursStartAfterEnd_ReportsIt()
    {
        var yaml = new PlanYaml { BusinessHours = "businessHours:\n  days: [Mon]\n  start: \"18:00\"\n  end: \"09:00\"" };

        SingleError(yaml, yaml.LineOf("start"), "business hours start 18:00 must be before end 09:00");
    }

    [Fact]
    public void Load_WhenBusinessDayIsUnknown_ReportsDayLine()
    {
        var yaml = new PlanYaml { BusinessHours = "businessHours:\n  days:\n    - Mon\n    - Funday\n  start: \"09:00\"\n  end: \"18:00\"" };

        SingleError(yaml, yaml.LineOf("Funday"), "unknown day 'Funday' in businessHours.days");
    }

    [Fact]
    public void Load_WhenBusinessTimeIsMalformed_ReportsIt()
    {
        var yaml = new PlanYaml { BusinessHours = "businessHours:\n  days: [Mon]\n  start: 9am\n  end: \"18:00\"" };

        SingleError(yaml, yaml.LineOf("9am"), "businessHours.start '9am' is not a time of day");
    }

    [Fact]
    public void Load_WithFullDayNames_ReadsThem()
    {
        var yaml = new PlanYaml { BusinessHours = "businessHours: { days: [Saturday, sun], start: \"10:00\", end: \"14:30\" }" };

        var plan = PlanLoader.Parse(yaml.Text, FileName);

        plan.BusinessHours.Days.Should().BeEquivalentTo([DayOfWeek.Saturday, DayOfWeek.Sunday]);
        plan.BusinessHours.End.Should().Be(new TimeOnly(14, 30));
    }

    [Theory]
    [InlineData("9 o'clock")]
    [InlineData("25:00")]
    public void Load_WhenDailySummaryTimeIsMalformed_ReportsIt(string time)
    {
        var yaml = new PlanYaml { Summaries = $"summaries:\n  daily: \"{time}\"\n  weekly: \"Mon 09:00\"" };

        SingleError(yaml, yaml.LineOf("daily"), "summaries.daily", "is not a time of day");
    }

    [Theory]
    [InlineData("Monday")]
    [InlineData("09:00 Mon")]
    [InlineData("Mon 9am")]
    public void Load_WhenWeeklySummaryIsMalformed_ReportsIt(string weekly)
    {
        var yaml = new PlanYaml { Summaries = $"summaries:\n  daily: \"09:00\"\n  weekly: \"{weekly}\"" };

        SingleError(yaml, yaml.LineOf("weekly"), $"summaries.weekly '{weekly}' must be a day and a time");
    }

    [Fact]
    public void Load_WithWeeklySummary_ReadsDayAndTime()
    {
        var yaml = new PlanYaml { Summaries = "summaries: { daily: \"08:30\", weekly: \"Fri 17:00\" }" };

        var plan = PlanLoader.Parse(yaml.Text, FileName);

        plan.Summaries.Should().Be(new SummarySchedule(new TimeOnly(8, 30), DayOfWeek.Friday, new TimeOnly(17, 0)));
    }

    [Fact]
    public void Load_WhenReopenWindowIsMalformed_ReportsIt()
    {
        var yaml = new PlanYaml { Extra = "reopenWithin: forever" };

        SingleError(yaml, yaml.LineOf("forever"), "'forever' is not a duration for 'reopenWithin'");
    }
}
