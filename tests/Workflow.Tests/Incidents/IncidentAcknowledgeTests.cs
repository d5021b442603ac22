using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

public class IncidentAcknowledgeTests
{
    [Fact]
    public void Acknowledge_ByAResponder_MovesToAcknowledged()
    {
        var incident = IncidentBuilder.Reported().Build();

        var outcome = incident.Act(i => i.Acknowledge(People.Ana));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.State.Should().Be(IncidentState.Acknowledged);
        incident.AcknowledgedByName.Should().Be("Ana");
        incident.AcknowledgedAt.Should().Be(IncidentBuilder.ReadyAt);
        incident.FirstAcknowledgedAt.Should().Be(IncidentBuilder.ReadyAt);
    }

    [Fact]
    public void Acknowledge_ByAResponder_RecordsTheMoveOnTheTimeline()
    {
        var incident = IncidentBuilder.Reported().Build();

        incident.Act(i => i.Acknowledge(People.Ana));

        var entry = incident.NewTimelineEntries.Should().ContainSingle().Which;
        entry.Action.Should().Be("acknowledged");
        entry.ActorId.Should().Be("ana");
        entry.FromState.Should().Be(IncidentState.Reported);
        entry.ToState.Should().Be(IncidentState.Acknowledged);
    }

    [Fact]
    public void Acknowledge_ByAManagerOffTheCurrentLevel_IsAccepted()
    {
        var incident = IncidentBuilder.Reported().Build();

        var outcome = incident.Act(i => i.Acknowledge(People.Dana));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
    }

    [Fact]
    public void Acknowledge_BySomeoneOffTheLadder_IsRefusedNamingThePagedResponders()
    {
        var incident = IncidentBuilder.Reported().Build();

        var outcome = incident.Act(i => i.Acknowledge(People.Eve));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("Eve cannot acknowledge INC-1. Ask someone paged for it (Ana, Ben) or a manager (Dana), or use /escalate INC-1 to page the next level.");
        incident.State.Should().Be(IncidentState.Reported);
        incident.NewTimelineEntries.Should().BeEmpty();
    }

    [Fact]
    public void Acknowledge_ByAnEmployeeWithAResponderId_IsRefused()
    {
        var incident = IncidentBuilder.Reported().Build();

        var outcome = incident.Act(i => i.Acknowledge(Actor.Employee("ana", "Ana")));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
    }

    [Fact]
    public void Acknowledge_WhenAlreadyAcknowledged_ReportsWhoAcknowledged()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        var outcome = incident.Act(i => i.Acknowledge(People.Ben));

        outcome.Kind.Should().Be(OutcomeKind.Unchanged);
        outcome.Message.Should().StartWith("INC-1 is already acknowledged by Ana");
        incident.AcknowledgedByName.Should().Be("Ana");
        incident.NewTimelineEntries.Should().BeEmpty();
    }

    [Fact]
    public void Acknowledge_WhenMitigated_ReportsWhoAcknowledged()
    {
        var incident = IncidentBuilder.In(IncidentState.Mitigated).Build();

        var outcome = incident.Act(i => i.Acknowledge(People.Ben));

        outcome.Kind.Should().Be(OutcomeKind.Unchanged);
        outcome.Message.Should().StartWith("INC-1 is already acknowledged by Ana");
    }

    [Fact]
    public void Acknowledge_WhenResolved_IsRefusedAskingToReopenFirst()
    {
        var incident = IncidentBuilder.In(IncidentState.Resolved).Build();

        var outcome = incident.Act(i => i.Acknowledge(People.Ana));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("INC-1 is already resolved; reopen it first.");
    }

    [Fact]
    public void Acknowledge_AfterEscalation_KeepsTheFirstAcknowledgementForMtta()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        var first = incident.FirstAcknowledgedAt;
        incident.Act(i => i.Escalate(People.Eve, null));

        incident.After(TimeSpan.FromMinutes(30)).Act(i => i.Acknowledge(People.Chen));

        incident.FirstAcknowledgedAt.Should().Be(first);
        incident.AcknowledgedByName.Should().Be("Chen");
    }
}
