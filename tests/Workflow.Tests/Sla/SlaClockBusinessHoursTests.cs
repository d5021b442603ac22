using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using static Jivrus.IncidentBot.Workflow.Tests.Sla.SlaTimes;

namespace Jivrus.IncidentBot.Workflow.Tests.Sla;

/// <summary>Asia/Kolkata, Monday to Friday 09:00–18:00; Kolkata has no DST, so wall times stay simple.</summary>
public class SlaClockBusinessHoursTests
{
    private const ClockKind Business = ClockKind.BusinessHours;
    private readonly SlaClock _clock = new(TestPlans.Standard("Asia/Kolkata"));

    [Theory]
    [InlineData(4, 10, 3, 4, 13, 0)]   // within one day
    [InlineData(4, 17, 4, 5, 12, 0)]   // across a night
    [InlineData(7, 16, 4, 10, 11, 0)]  // Friday evening across the weekend
    [InlineData(8, 12, 2, 10, 11, 0)]  // Saturday: Monday 09:00 + 2h
    [InlineData(4, 7, 1, 4, 10, 0)]    // before opening
    [InlineData(4, 18, 1, 5, 10, 0)]   // exactly at closing
    [InlineData(4, 17, 1, 4, 18, 0)]   // used up exactly at closing ends at closing
    [InlineData(3, 9, 27, 5, 18, 0)]   // three business days from Monday opening
    [InlineData(6, 14, 27, 11, 14, 0)] // three business days across a weekend: 4 + 9 + 9 + 5
    public void Add_CountsOnlyBusinessHours(int startDay, int startHour, int hours, int dueDay, int dueHour, int dueMinute)
    {
        var start = Ist(3, startDay, startHour);

        var due = _clock.Add(start, TimeSpan.FromHours(hours), Business);

        due.Should().Be(Ist(3, dueDay, dueHour, dueMinute));
    }

    [Fact]
    public void Add_WhenStartIsFridayEvening_CountsFromMondayOpening()
    {
        var friday = Ist(3, 7, 17, 30);

        var due = _clock.Add(friday, TimeSpan.FromHours(1), Business);

        due.Should().Be(Ist(3, 10, 9, 30));
    }

    [Fact]
    public void Add_WhenDurationIsZero_ReturnsStart()
    {
        var saturday = Ist(3, 8, 12);

        var due = _clock.Add(saturday, TimeSpan.Zero, Business);

        due.Should().BeExactly(Utc(3, 8, 6, 30));
    }

    [Fact]
    public void Add_WhenStartIsAtNightInUtc_CountsFromIndianOpening()
    {
        var evening = Utc(3, 4, 11); // 16:30 IST: 1h30 today, 2h30 from Wednesday 09:00 IST (03:30 UTC)

        var due = _clock.Add(evening, TimeSpan.FromHours(4), Business);

        due.Should().BeExactly(Utc(3, 5, 6));
    }

    [Fact]
    public void Elapsed_WhenSpanningAWeekend_CountsOnlyBusinessHours()
    {
        var elapsed = _clock.Elapsed(Ist(3, 7, 16), Ist(3, 10, 11), Business);

        elapsed.Should().Be(TimeSpan.FromHours(4));
    }

    [Fact]
    public void Elapsed_WhenBothEndsAreInTheSameWeekend_IsZero()
    {
        var elapsed = _clock.Elapsed(Ist(3, 7, 19), Ist(3, 10, 8), Business);

        elapsed.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Elapsed_WhenToIsBeforeFrom_IsZero()
    {
        var elapsed = _clock.Elapsed(Ist(3, 5, 12), Ist(3, 4, 12), Business);

        elapsed.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(4, 9, 0, true)]    // opening counts
    [InlineData(4, 17, 59, true)]
    [InlineData(4, 18, 0, false)]  // closing does not
    [InlineData(4, 8, 59, false)]
    [InlineData(8, 12, 0, false)]  // Saturday
    public void IsCounting_FollowsTheWorkingWindow(int day, int hour, int minute, bool expected)
    {
        var counting = _clock.IsCounting(Ist(3, day, hour, minute), Business);

        counting.Should().Be(expected);
    }

    [Theory]
    [InlineData(4, 12, 4, 12)] // inside: itself
    [InlineData(4, 18, 5, 9)]  // at closing: next morning
    [InlineData(8, 12, 10, 9)] // Saturday: Monday opening
    [InlineData(3, 6, 3, 9)]   // before opening: same day
    public void NextCountingInstant_ReturnsItselfOrTheNextOpening(int day, int hour, int nextDay, int nextHour)
    {
        var next = _clock.NextCountingInstant(Ist(3, day, hour), Business);

        next.Should().Be(Ist(3, nextDay, nextHour));
    }

    [Fact]
    public void NextCountingInstant_ReturnsUtc()
    {
        var next = _clock.NextCountingInstant(Ist(3, 8, 12), Business);

        next.Should().BeExactly(Utc(3, 10, 3, 30));
    }
}
