using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Tests.OnCall.Rotations;

namespace Jivrus.IncidentBot.Workflow.Tests.OnCall;

public sealed class OnCallRosterTests
{
    private static readonly Rotation Weekly = Of("Asia/Kolkata", RotationShift.Week, "09:00", "2026-12-07");

    [Fact]
    public void At_WithAnOverride_HandsThePartToItsPersonAndBack()
    {
        var cover = new OnCallOverride("support", "dana", Utc("2026-12-08T00:00"), Utc("2026-12-08T12:00"), "ana", Utc("2026-12-07T10:00"), id: 3);
        var roster = new OnCallRoster([Weekly], [cover]);

        var during = roster.At("support", Utc("2026-12-08T06:00"));
        var after = roster.At("support", Utc("2026-12-08T12:00"));

        (during.PersonId, during.Until, during.Override?.Id).Should().Be(("dana", Utc("2026-12-08T12:00"), 3L));
        (after.PersonId, after.Until, after.Override).Should().Be(("ana", Utc("2026-12-14T03:30"), (OnCallOverride?)null));
    }

    [Fact]
    public void At_WithOverlappingOverrides_TheOneMadeLastWins()
    {
        var first = new OnCallOverride("support", "ben", Utc("2026-12-08T00:00"), Utc("2026-12-09T00:00"), "ana", Utc("2026-12-07T10:00"), id: 1);
        var second = new OnCallOverride("support", "chen", Utc("2026-12-08T06:00"), Utc("2026-12-08T08:00"), "ben", Utc("2026-12-07T11:00"), id: 2);
        var roster = new OnCallRoster([Weekly], [second, first]);

        var people = new[] { "05:00", "07:00", "09:00" }.Select(t => roster.At("support", Utc("2026-12-08T" + t)).PersonId).ToList();

        people.Should().Equal("ben", "chen", "ben");
    }

    [Fact]
    public void At_WithACancelledOverride_FollowsTheSchedule()
    {
        var cover = new OnCallOverride("support", "dana", Utc("2026-12-08T00:00"), Utc("2026-12-08T12:00"), "ana", Utc("2026-12-07T10:00"), id: 3);
        cover.Cancel("ana", Utc("2026-12-07T11:00"));

        var turn = new OnCallRoster([Weekly], [cover]).At("support", Utc("2026-12-08T06:00"));

        turn.PersonId.Should().Be("ana");
    }

    [Fact]
    public void Responders_MixRotationsAndPeople_EachOnceInTheLevelsOrder()
    {
        var level = new EscalationLevel("L1", "Support on-call", ["rotation:support", "ben", "ana"]);

        var responders = new OnCallRoster([Weekly], []).Responders(level, Utc("2026-12-08T00:00"));

        responders.Should().Equal("ana", "ben");
    }

    [Fact]
    public void NextHandoff_IsTheEarliestChangeOfAnyRotation()
    {
        var daily = Of("Europe/London", RotationShift.Day, "09:00", "2026-12-07", id: "eng");
        var cover = new OnCallOverride("support", "dana", Utc("2026-12-08T05:00"), Utc("2026-12-08T06:00"), "ana", Utc("2026-12-07T10:00"), id: 3);

        var roster = new OnCallRoster([Weekly, daily], [cover]);

        (roster.NextHandoff(Utc("2026-12-08T00:00")), roster.NextHandoff(Utc("2026-12-08T05:00")), roster.NextHandoff(Utc("2026-12-08T06:00")))
            .Should().Be((Utc("2026-12-08T05:00"), Utc("2026-12-08T06:00"), Utc("2026-12-08T09:00")));
    }
}
