using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using static Jivrus.IncidentBot.Workflow.Tests.Sla.SlaTimes;

namespace Jivrus.IncidentBot.Workflow.Tests.Sla;

/// <summary>
/// New York springs forward on Sunday 9 March 2025 (EST −05:00 → EDT −04:00);
/// Berlin falls back on Sunday 26 October 2025 (CEST +02:00 → CET +01:00).
/// Expectations are written in UTC so the change of offset is visible.
/// </summary>
public class SlaClockDaylightSavingTests
{
    private static readonly TimeZoneInfo NewYorkZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly SlaClock _newYork = new(TestPlans.Standard("America/New_York"));
    private readonly SlaClock _berlin = new(TestPlans.Standard("Europe/Berlin"));

    [Fact]
    public void Add_WhenCalendarSpansSpringForward_AddsRealHours()
    {
        var midnight = Utc(3, 9, 5); // 00:00 EST

        var due = _newYork.Add(midnight, TimeSpan.FromHours(4), ClockKind.Calendar);

        due.Should().BeExactly(Utc(3, 9, 9));
        TimeZoneInfo.ConvertTime(due, NewYorkZone).Hour.Should().Be(5, "the wall clock skipped 02:00–03:00");
    }

    [Fact]
    public void Add_WhenStartIsFridayEveningBeforeSpringForward_EndsMondayElevenDaylightTime()
    {
        var friday = Utc(3, 7, 21); // Friday 16:00 EST

        var due = _newYork.Add(friday, TimeSpan.FromHours(4), ClockKind.BusinessHours);

        due.Should().BeExactly(Utc(3, 10, 15)); // Monday 11:00 EDT
    }

    [Fact]
    public void Elapsed_WhenSpanningSpringForwardWeekend_CountsOnlyBusinessHours()
    {
        var elapsed = _newYork.Elapsed(Utc(3, 7, 21), Utc(3, 10, 15), ClockKind.BusinessHours);

        elapsed.Should().Be(TimeSpan.FromHours(4));
    }

    [Fact]
    public void NextCountingInstant_AfterSpringForward_OpensAnHourEarlierInUtc()
    {
        var fridayOpening = _newYork.NextCountingInstant(Utc(3, 7, 5), ClockKind.BusinessHours);

        var mondayOpening = _newYork.NextCountingInstant(Utc(3, 8, 17), ClockKind.BusinessHours);

        fridayOpening.Should().BeExactly(Utc(3, 7, 14));
        mondayOpening.Should().BeExactly(Utc(3, 10, 13));
    }

    [Fact]
    public void IsCounting_AtTheSameUtcTime_DiffersBeforeAndAfterSpringForward()
    {
        var friday = _newYork.IsCounting(Utc(3, 7, 13, 30), ClockKind.BusinessHours);

        var monday = _newYork.IsCounting(Utc(3, 10, 13, 30), ClockKind.BusinessHours);

        friday.Should().BeFalse("08:30 EST is before opening");
        monday.Should().BeTrue("09:30 EDT is inside hours");
    }

    [Fact]
    public void Add_WhenStartIsFridayEveningBeforeFallBack_EndsMondayElevenStandardTime()
    {
        var friday = new DateTimeOffset(2025, 10, 24, 16, 0, 0, TimeSpan.FromHours(2));

        var due = _berlin.Add(friday, TimeSpan.FromHours(4), ClockKind.BusinessHours);

        due.Should().BeExactly(new DateTimeOffset(2025, 10, 27, 10, 0, 0, TimeSpan.Zero)); // 11:00 CET
    }
}
