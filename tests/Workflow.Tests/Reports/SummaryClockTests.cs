using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Reports;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Reports;

/// <summary>Europe/Berlin in 2026: clocks spring forward on Sun 29 Mar (02:00 CET to 03:00 CEST) and fall back on Sun 25 Oct (03:00 CEST to 02:00 CET).</summary>
public sealed class SummaryClockTests
{
    private static SummaryClock Berlin(TimeOnly daily, DayOfWeek weeklyDay, TimeOnly weeklyTime) =>
        new(TestPlans.Standard("Europe/Berlin") with { Summaries = new SummarySchedule(daily, weeklyDay, weeklyTime) });

    private static SummaryClock NineOClock() => Berlin(new TimeOnly(9, 0), DayOfWeek.Monday, new TimeOnly(9, 0));

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void NextDaily_AcrossSpringForward_KeepsTheWallClockTime()
    {
        var clock = NineOClock();

        var next = clock.NextDaily(Utc(3, 28, 8)); // Sat 09:00 CET

        next.Should().Be(Utc(3, 29, 7)); // Sun 09:00 CEST, 23 hours later
    }

    [Fact]
    public void NextDaily_AcrossFallBack_KeepsTheWallClockTime()
    {
        var clock = NineOClock();

        var next = clock.NextDaily(Utc(10, 24, 7)); // Sat 09:00 CEST

        next.Should().Be(Utc(10, 25, 8)); // Sun 09:00 CET, 25 hours later
    }

    [Fact]
    public void NextDaily_AtASummaryTime_IsTheNextDays()
    {
        var clock = NineOClock();

        var next = clock.NextDaily(Utc(3, 2, 8)); // Mon 09:00 CET exactly

        next.Should().Be(Utc(3, 3, 8));
    }

    [Fact]
    public void NextDaily_EarlierTheSameDay_IsToday()
    {
        var clock = NineOClock();

        var next = clock.NextDaily(Utc(3, 2, 0, 30)); // Mon 01:30 CET

        next.Should().Be(Utc(3, 2, 8));
    }

    [Fact]
    public void NextDaily_AtATimeTheClocksSkip_FallsAtTheJump()
    {
        var clock = Berlin(new TimeOnly(2, 30), DayOfWeek.Sunday, new TimeOnly(2, 30));

        var next = clock.NextDaily(Utc(3, 28, 2)); // Sat 03:00 CET

        next.Should().Be(Utc(3, 29, 1)); // 02:30 never shows; the clocks jump to 03:00 CEST at 01:00 UTC
    }

    [Fact]
    public void NextDaily_AtATimeTheClocksRepeat_IsDueOnceAtItsFirstShowing()
    {
        var clock = Berlin(new TimeOnly(2, 30), DayOfWeek.Sunday, new TimeOnly(2, 30));

        var first = clock.NextDaily(Utc(10, 24, 12));
        var second = clock.NextDaily(first);

        first.Should().Be(Utc(10, 25, 0, 30)); // 02:30 CEST
        second.Should().Be(Utc(10, 26, 1, 30)); // Mon 02:30 CET, not the repeat of Sunday's 02:30 at 01:30 UTC
    }

    [Fact]
    public void NextWeekly_AcrossSpringForward_IsTheNextMondayAtNineLocal()
    {
        var clock = NineOClock();

        var next = clock.NextWeekly(Utc(3, 23, 8)); // Mon 23 Mar 09:00 CET

        next.Should().Be(Utc(3, 30, 7)); // Mon 30 Mar 09:00 CEST: 6 days 23 hours later
    }

    [Fact]
    public void NextWeekly_MidWeek_IsTheComingWeeklyDay()
    {
        var clock = Berlin(new TimeOnly(9, 0), DayOfWeek.Friday, new TimeOnly(17, 0));

        var next = clock.NextWeekly(Utc(10, 21, 10)); // Wed 21 Oct, CEST

        next.Should().Be(Utc(10, 23, 15)); // Fri 23 Oct 17:00 CEST
    }

    [Fact]
    public void NextWeekly_AcrossFallBack_IsTheNextMondayAtNineLocal()
    {
        var clock = NineOClock();

        var next = clock.NextWeekly(Utc(10, 19, 7)); // Mon 19 Oct 09:00 CEST

        next.Should().Be(Utc(10, 26, 8)); // Mon 26 Oct 09:00 CET
    }

    [Fact]
    public void WindowStart_OfADayAcrossSpringForward_IsTheSameWallClockTimeTheDayBefore()
    {
        var clock = NineOClock();

        var start = clock.WindowStart(ReportPeriod.Day, Utc(3, 29, 7)); // Sun 09:00 CEST

        start.Should().Be(Utc(3, 28, 8)); // Sat 09:00 CET: a 23-hour day
    }

    [Fact]
    public void WindowStart_OfAWeek_IsSevenWallClockDaysEarlier()
    {
        var clock = NineOClock();

        var start = clock.WindowStart(ReportPeriod.Week, Utc(3, 30, 7)); // Mon 30 Mar 09:00 CEST

        start.Should().Be(Utc(3, 23, 8)); // Mon 23 Mar 09:00 CET
    }
}
