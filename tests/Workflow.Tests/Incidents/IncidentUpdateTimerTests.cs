using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

public class IncidentUpdateTimerTests
{
    [Fact]
    public void UpdateOverdue_NudgesTheOwner()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        var outcome = incident.Act(i => i.UpdateOverdue());

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.UpdateNudges.Should().Be(1);
        var nudge = incident.Notices.Should().ContainSingle(n => n.Kind == NoticeKind.UpdateNudge).Which;
        nudge.PersonId.Should().Be("ana");
        nudge.Text.Should().StartWith("An update on INC-1 is due, Ana");
    }

    [Fact]
    public void UpdateOverdue_Once_LeavesTheLevelAboveAlone()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        incident.Act(i => i.UpdateOverdue());

        incident.Notices.Should().NotContain(n => n.Audience == Audience.Person || n.Audience == Audience.Management);
    }

    [Fact]
    public void UpdateOverdue_Twice_TellsTheLevelAbove()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        incident.Act(i => i.UpdateOverdue());

        incident.After(TimeSpan.FromMinutes(70)).Act(i => i.UpdateOverdue());

        var told = incident.Notices.Should().ContainSingle(n => n.Audience == Audience.Person).Which;
        told.PersonId.Should().Be("chen");
        told.Text.Should().Be("INC-1 (Critical) has had no update for 1h9m; Ana owns it.");
    }

    [Fact]
    public void UpdateOverdue_TwiceAtTheTop_TellsManagement()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Escalated(2).Build();
        incident.Act(i => i.UpdateOverdue());

        incident.After(TimeSpan.FromMinutes(70)).Act(i => i.UpdateOverdue());

        incident.Notices.Should().ContainSingle(n => n.Audience == Audience.Management)
            .Which.Text.Should().Contain("has had no update");
    }

    [Fact]
    public void UpdateOverdue_WhenMitigated_StillNudges()
    {
        var incident = IncidentBuilder.In(IncidentState.Mitigated).Build();

        var outcome = incident.Act(i => i.UpdateOverdue());

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
    }

    [Fact]
    public void UpdateOverdue_WhileUnacknowledged_DoesNothing()
    {
        var incident = IncidentBuilder.Reported().Build();

        var outcome = incident.Act(i => i.UpdateOverdue());

        outcome.Kind.Should().Be(OutcomeKind.Unchanged);
        outcome.Message.Should().Be("INC-1 does not need updates while it is reported.");
    }

    [Fact]
    public void UpdateOverdue_ForANewOwnerAfterEscalation_NudgesBeforeTellingTheLevelAbove()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        incident.Act(i => i.UpdateOverdue());
        incident.After(TimeSpan.FromMinutes(70)).Act(i => i.UpdateOverdue());
        incident.After(TimeSpan.FromMinutes(80)).Act(i => i.Escalate(People.Eve, "nobody updates"));
        incident.After(TimeSpan.FromMinutes(85)).Act(i => i.Acknowledge(People.Chen));

        incident.After(TimeSpan.FromMinutes(115)).Act(i => i.UpdateOverdue());

        incident.UpdateNudges.Should().Be(1);
        incident.Notices.Should().NotContain(n => n.Audience == Audience.Person || n.Audience == Audience.Management);
    }
}
