using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

public class IncidentMitigateCancelTests
{
    [Theory]
    [InlineData(IncidentState.Reported)]
    [InlineData(IncidentState.Acknowledged)]
    public void Mitigate_FromReportedOrAcknowledged_MovesToMitigated(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var outcome = incident.Act(i => i.Mitigate(People.Ben, "traffic drained"));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.State.Should().Be(IncidentState.Mitigated);
        incident.MitigationNote.Should().Be("traffic drained");
        incident.MitigatedAt.Should().Be(IncidentBuilder.ReadyAt);
        incident.NewTimelineEntries.Should().ContainSingle().Which.FromState.Should().Be(state);
    }

    [Fact]
    public void Mitigate_WhenUnacknowledged_CountsAsTheAcknowledgement()
    {
        var incident = IncidentBuilder.Reported().Build();

        incident.Act(i => i.Mitigate(People.Ben, "traffic drained"));

        incident.AcknowledgedByName.Should().Be("Ben");
        incident.FirstAcknowledgedAt.Should().Be(IncidentBuilder.ReadyAt);
    }

    [Fact]
    public void Mitigate_WhenAcknowledged_KeepsWhoAcknowledged()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        incident.Act(i => i.Mitigate(People.Ben, "traffic drained"));

        incident.AcknowledgedByName.Should().Be("Ana");
    }

    [Fact]
    public void Mitigate_WhenAlreadyMitigated_IsRefused()
    {
        var incident = IncidentBuilder.In(IncidentState.Mitigated).Build();

        var outcome = incident.Act(i => i.Mitigate(People.Ana, "again"));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("INC-1 is already mitigated.");
    }

    [Theory]
    [InlineData(IncidentState.Reported)]
    [InlineData(IncidentState.Acknowledged)]
    public void Cancel_FromReportedOrAcknowledged_MovesToCancelledWithTheReason(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var outcome = incident.Act(i => i.Cancel(People.Ana, " duplicate of INC-7 "));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.State.Should().Be(IncidentState.Cancelled);
        incident.CancelReason.Should().Be("duplicate of INC-7");
        incident.CancelledAt.Should().Be(IncidentBuilder.ReadyAt);
        var entry = incident.NewTimelineEntries.Should().ContainSingle().Which;
        entry.Action.Should().Be("cancelled");
        entry.FromState.Should().Be(state);
        entry.ToState.Should().Be(IncidentState.Cancelled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Cancel_WithoutAReason_IsRefused(string reason)
    {
        var incident = IncidentBuilder.Reported().Build();

        var outcome = incident.Act(i => i.Cancel(People.Ana, reason));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().StartWith("Cancelling needs a reason");
        incident.State.Should().Be(IncidentState.Reported);
    }

    [Fact]
    public void Cancel_WhenMitigated_IsRefusedSayingItWasNoFalseAlarm()
    {
        var incident = IncidentBuilder.In(IncidentState.Mitigated).Build();

        var outcome = incident.Act(i => i.Cancel(People.Ana, "false alarm"));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("INC-1 is mitigated, so it was not a false alarm; resolve it instead.");
    }

    [Theory]
    [InlineData(IncidentState.Resolved)]
    [InlineData(IncidentState.RcaPending)]
    [InlineData(IncidentState.Closed)]
    [InlineData(IncidentState.Cancelled)]
    public void MitigateAndCancel_AfterTheIncidentIsOver_AreRefused(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var mitigate = incident.Act(i => i.Mitigate(People.Ana, "note"));
        var cancel = incident.Act(i => i.Cancel(People.Ana, "false alarm"));

        mitigate.Kind.Should().Be(OutcomeKind.Refused);
        cancel.Kind.Should().Be(OutcomeKind.Refused);
        incident.State.Should().Be(state);
    }
}
