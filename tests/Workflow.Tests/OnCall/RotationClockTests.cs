using Jivrus.IncidentBot.Workflow.OnCall;
using static Jivrus.IncidentBot.Workflow.Tests.OnCall.Rotations;

namespace Jivrus.IncidentBot.Workflow.Tests.OnCall;

public sealed class RotationClockTests
{
    [Fact]
    public void WeeklyRotation_HandsOverOnTheHandoffDayAtTheLocalTime()
    {
        // 2026-12-07 is a Monday; Kolkata is UTC+05:30 all year.
        var clock = new RotationClock(Of("Asia/Kolkata", RotationShift.Week, "09:00", "2026-12-05"));

        var turns = Enumerable.Range(0, 3).Select(k => (clock.TurnOf(k).PersonId, clock.TurnOf(k).From)).ToList();

        turns.Should().Equal(("ana", Utc("2026-12-07T03:30")), ("ben", Utc("2026-12-14T03:30")), ("chen", Utc("2026-12-21T03:30")));
    }

    [Fact]
    public void ShiftAt_BeforeTheFirstHandoff_CountsTheTurnBackwards()
    {
        var clock = new RotationClock(Of("Asia/Kolkata", RotationShift.Week, "09:00", "2026-12-07"));

        var turn = clock.ShiftAt(Utc("2026-12-07T03:29"));

        (turn.PersonId, turn.From, turn.Until).Should().Be(("chen", Utc("2026-11-30T03:30"), Utc("2026-12-07T03:30")));
    }

    [Fact]
    public void Daily_London_SpringForward_ShiftBeforeIsAnHourShorter()
    {
        // 2027-03-28 01:00 UTC London moves from GMT to BST: a 09:00 handoff is 09:00 UTC before and 08:00 UTC after.
        var clock = new RotationClock(Of("Europe/London", RotationShift.Day, "09:00", "2027-03-26"));

        var turn = clock.ShiftAt(Utc("2027-03-27T12:00"));

        (turn.PersonId, turn.From, turn.Until).Should().Be(("ben", Utc("2027-03-27T09:00"), Utc("2027-03-28T08:00")));
    }

    [Fact]
    public void Daily_London_FallBack_ShiftBeforeIsAnHourLonger()
    {
        // 2027-10-31 01:00 UTC London moves from BST back to GMT.
        var clock = new RotationClock(Of("Europe/London", RotationShift.Day, "09:00", "2027-10-30"));

        var turn = clock.ShiftAt(Utc("2027-10-30T12:00"));

        (turn.PersonId, turn.From, turn.Until).Should().Be(("ana", Utc("2027-10-30T08:00"), Utc("2027-10-31T09:00")));
    }

    [Fact]
    public void NewYork_HandoffInTheSpringGap_MovesToTheEndOfTheGap()
    {
        // 2027-03-14: New York clocks go from 02:00 EST straight to 03:00 EDT; 02:30 does not exist that day.
        var clock = new RotationClock(Of("America/New_York", RotationShift.Day, "02:30", "2027-03-13"));

        (clock.Handoff(1), clock.IsSkipped(1)).Should().Be((Utc("2027-03-14T07:00"), true));
        (clock.Handoff(0), clock.Handoff(2)).Should().Be((Utc("2027-03-13T07:30"), Utc("2027-03-15T06:30")));
    }

    [Fact]
    public void NewYork_HandoffInTheAutumnRepeat_HappensTheFirstTimeTheClockReadsIt()
    {
        // 2027-11-07: 01:30 happens twice in New York, first in EDT (05:30 UTC), then in EST (06:30 UTC).
        var clock = new RotationClock(Of("America/New_York", RotationShift.Day, "01:30", "2027-11-06"));

        var turn = clock.ShiftAt(Utc("2027-11-07T06:00"));

        (turn.PersonId, turn.From, turn.Until).Should().Be(("ben", Utc("2027-11-07T05:30"), Utc("2027-11-08T06:30")));
    }

    [Fact]
    public void TwelveHours_AcrossAMonthEnd_AlternatesAtBothLocalTimes()
    {
        var clock = new RotationClock(Of("Asia/Kolkata", RotationShift.TwelveHours, "09:00", "2027-01-30", ["ana", "ben"]));

        var turns = Enumerable.Range(4, 3).Select(k => (clock.TurnOf(k).PersonId, clock.TurnOf(k).From)).ToList();

        turns.Should().Equal(("ana", Utc("2027-02-01T03:30")), ("ben", Utc("2027-02-01T15:30")), ("ana", Utc("2027-02-02T03:30")));
    }

    [Fact]
    public void Daily_ThreePeople_DoNotDivideAWeek_TheTurnWalksThroughTheWeekdays()
    {
        var clock = new RotationClock(Of("Asia/Kolkata", RotationShift.Day, "09:00", "2027-02-26"));

        var onMondays = new[] { "2027-03-01", "2027-03-08", "2027-03-15" }.Select(d => clock.ShiftAt(Utc(d + "T06:00")).PersonId).ToList();

        onMondays.Should().Equal("ana", "ben", "chen");
    }

    [Fact]
    public void Fortnightly_LeapYearFebruary_HandsOverEveryOtherFriday()
    {
        var clock = new RotationClock(Of("Europe/London", RotationShift.TwoWeeks, "17:00", "2028-02-14", ["ana", "ben"], day: NodaTime.IsoDayOfWeek.Friday));

        var turn = clock.ShiftAt(Utc("2028-02-29T12:00"));

        (turn.PersonId, turn.From, turn.Until).Should().Be(("ana", Utc("2028-02-18T17:00"), Utc("2028-03-03T17:00")));
    }
}
