using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using static Jivrus.IncidentBot.Workflow.Tests.Sla.SlaTimes;

namespace Jivrus.IncidentBot.Workflow.Tests.Sla;

/// <summary>Working windows that touch a DST transition or midnight, and plans with no working days.</summary>
public class SlaClockUnusualHoursTests
{
    private const ClockKind Business = ClockKind.BusinessHours;

    private static readonly HashSet<DayOfWeek> EveryDay = [.. Enum.GetValues<DayOfWeek>()];

    [Fact]
    public void NextCountingInstant_WhenOpeningFallsInSpringForwardGap_OpensAtTheJump()
    {
        var clock = Clock("America/New_York", new BusinessHours(EveryDay, new TimeOnly(2, 30), new TimeOnly(6, 0)));

        var opening = clock.NextCountingInstant(Utc(3, 9, 5), Business); // 00:00 EST

        opening.Should().BeExactly(Utc(3, 9, 7)); // 03:00 EDT, the first instant after the gap
    }

    [Fact]
    public void Add_WhenOpeningFallsInSpringForwardGap_CountsFromTheJump()
    {
        var clock = Clock("America/New_York", new BusinessHours(EveryDay, new TimeOnly(2, 30), new TimeOnly(6, 0)));

        var due = clock.Add(Utc(3, 9, 5), TimeSpan.FromHours(1), Business);

        due.Should().BeExactly(Utc(3, 9, 8));
    }

    [Fact]
    public void NextCountingInstant_WhenOpeningIsShownTwiceAtFallBack_OpensAtTheFirstShowing()
    {
        var clock = Clock("America/New_York", new BusinessHours(EveryDay, new TimeOnly(1, 30), new TimeOnly(6, 0)));

        var opening = clock.NextCountingInstant(new DateTimeOffset(2025, 11, 2, 4, 0, 0, TimeSpan.Zero), Business);

        opening.Should().BeExactly(new DateTimeOffset(2025, 11, 2, 5, 30, 0, TimeSpan.Zero)); // 01:30 EDT
    }

    [Fact]
    public void Add_WhenWindowRunsPastMidnight_CountsIntoTheNextDay()
    {
        var clock = Clock("Asia/Kolkata", new BusinessHours(EveryDay, new TimeOnly(22, 0), new TimeOnly(6, 0)));

        var due = clock.Add(Ist(3, 4, 23), TimeSpan.FromHours(8), Business);

        due.Should().Be(Ist(3, 5, 23)); // 7h until 06:00, then 1h from 22:00
    }

    [Fact]
    public void IsCounting_WhenWindowRunsPastMidnight_CountsEarlyMorning()
    {
        var clock = Clock("Asia/Kolkata", new BusinessHours(EveryDay, new TimeOnly(22, 0), new TimeOnly(6, 0)));

        var counting = clock.IsCounting(Ist(3, 5, 3), Business);

        counting.Should().BeTrue();
    }

    [Fact]
    public void Add_WhenPlanHasNoWorkingDays_ThrowsAClearError()
    {
        var clock = Clock("Asia/Kolkata", new BusinessHours(new HashSet<DayOfWeek>(), new TimeOnly(9, 0), new TimeOnly(18, 0)));

        var act = () => clock.Add(Ist(3, 4, 10), TimeSpan.FromHours(1), Business);

        act.Should().Throw<InvalidOperationException>().WithMessage("*no working days*");
    }

    [Fact]
    public void IsCounting_WhenPlanHasNoWorkingDays_IsFalse()
    {
        var clock = Clock("Asia/Kolkata", new BusinessHours(new HashSet<DayOfWeek>(), new TimeOnly(9, 0), new TimeOnly(18, 0)));

        var counting = clock.IsCounting(Ist(3, 4, 10), Business);

        counting.Should().BeFalse();
    }

    private static SlaClock Clock(string zone, BusinessHours hours) =>
        new(TestPlans.Standard(zone) with { BusinessHours = hours });
}
