using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using static Jivrus.IncidentBot.Workflow.Tests.Sla.SlaTimes;

namespace Jivrus.IncidentBot.Workflow.Tests.Sla;

public class SlaClockCalendarTests
{
    private readonly SlaClock _clock = new(TestPlans.Standard());

    [Fact]
    public void Add_WhenStartIsSaturdayNight_IsPlainAddition()
    {
        var start = Ist(3, 8, 23);

        var due = _clock.Add(start, TimeSpan.FromHours(4), ClockKind.Calendar);

        due.Should().Be(Ist(3, 9, 3));
    }

    [Fact]
    public void Add_WhenStartHasAnOffset_ReturnsUtc()
    {
        var start = Ist(3, 4, 10);

        var due = _clock.Add(start, TimeSpan.FromMinutes(15), ClockKind.Calendar);

        due.Should().BeExactly(Utc(3, 4, 4, 45));
    }

    [Fact]
    public void Elapsed_WhenSpanningAWeekend_CountsEveryMinute()
    {
        var from = Ist(3, 7, 16);
        var to = Ist(3, 10, 11);

        var elapsed = _clock.Elapsed(from, to, ClockKind.Calendar);

        elapsed.Should().Be(TimeSpan.FromHours(67));
    }

    [Fact]
    public void Elapsed_WhenToIsBeforeFrom_IsZero()
    {
        var elapsed = _clock.Elapsed(Ist(3, 4, 12), Ist(3, 4, 11), ClockKind.Calendar);

        elapsed.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void IsCounting_OnSundayNight_IsTrue()
    {
        var counting = _clock.IsCounting(Ist(3, 9, 2), ClockKind.Calendar);

        counting.Should().BeTrue();
    }

    [Fact]
    public void NextCountingInstant_OnCalendar_IsTheInstantInUtc()
    {
        var next = _clock.NextCountingInstant(Ist(3, 9, 2), ClockKind.Calendar);

        next.Should().BeExactly(Utc(3, 8, 20, 30));
    }

    [Fact]
    public void Add_WhenDurationIsNegative_Throws()
    {
        var act = () => _clock.Add(Ist(3, 4, 10), TimeSpan.FromMinutes(-1), ClockKind.Calendar);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
