using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

public class IncidentCloseRcaTests
{
    [Fact]
    public void Close_WhenNoRcaIsRequired_MovesToClosed()
    {
        var incident = IncidentBuilder.In(IncidentState.Resolved).WithSeverity("sev2").Build();

        var outcome = incident.Act(i => i.Close(People.Ana));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        outcome.Message.Should().Be("Ana closed INC-1.");
        incident.State.Should().Be(IncidentState.Closed);
        incident.ClosedAt.Should().Be(IncidentBuilder.ReadyAt);
    }

    [Fact]
    public void Close_OfACriticalIncidentWithoutRca_WaitsForTheRca()
    {
        var incident = IncidentBuilder.In(IncidentState.Resolved).Build();

        var outcome = incident.Act(i => i.Close(People.Ana));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.State.Should().Be(IncidentState.RcaPending);
        incident.RcaPendingSince.Should().Be(IncidentBuilder.ReadyAt);
        incident.ClosedAt.Should().BeNull();
        var entry = incident.NewTimelineEntries.Should().ContainSingle().Which;
        entry.FromState.Should().Be(IncidentState.Resolved);
        entry.ToState.Should().Be(IncidentState.RcaPending);
    }

    [Fact]
    public void Close_OfACriticalIncidentWithoutRca_PromptsForTheRca()
    {
        var incident = IncidentBuilder.In(IncidentState.Resolved).Build();

        incident.Act(i => i.Close(People.Ana));

        incident.Notices.Should().ContainSingle(n => n.Kind == NoticeKind.RcaPrompt)
            .Which.Text.Should().Contain("/incident rca INC-1").And.Contain("Due within 5d");
    }

    [Fact]
    public void Close_AfterTheRcaWasSubmittedWhileResolved_MovesToClosed()
    {
        var incident = IncidentBuilder.In(IncidentState.Resolved).WithRcaSubmitted().Build();

        var outcome = incident.Act(i => i.Close(People.Ana));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.State.Should().Be(IncidentState.Closed);
    }

    [Fact]
    public void SubmitRca_WhileResolved_KeepsItResolved()
    {
        var incident = IncidentBuilder.In(IncidentState.Resolved).Build();

        var outcome = incident.Act(i => i.SubmitRca(People.Ana, "disk full", "alert on disk usage"));

        outcome.Message.Should().Be("Ana submitted the RCA of INC-1: disk full");
        incident.State.Should().Be(IncidentState.Resolved);
        incident.RcaSubmittedAt.Should().Be(IncidentBuilder.ReadyAt);
    }

    [Fact]
    public void SubmitRca_WhenPending_ClosesTheIncident()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();

        var outcome = incident.Act(i => i.SubmitRca(People.Ana, "disk full", "alert on disk usage"));

        outcome.Message.Should().Be("Ana submitted the RCA of INC-1 and closed it: disk full");
        incident.State.Should().Be(IncidentState.Closed);
        incident.ClosedAt.Should().Be(IncidentBuilder.ReadyAt);
        incident.RcaRootCause.Should().Be("disk full");
        incident.RcaActions.Should().Be("alert on disk usage");
        incident.Notices.Should().Contain(n => n.Audience == Audience.Management);
    }

    [Fact]
    public void SubmitRca_WithoutRootCause_IsRefused()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();

        var outcome = incident.Act(i => i.SubmitRca(People.Ana, " ", null));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        incident.State.Should().Be(IncidentState.RcaPending);
    }

    [Fact]
    public void WaiveRca_ByAManager_ClosesTheIncident()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();

        var outcome = incident.Act(i => i.WaiveRca(People.Dana, "vendor outage, nothing to learn"));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.State.Should().Be(IncidentState.Closed);
        incident.RcaWaivedBy.Should().Be("dana");
        incident.RcaWaiveReason.Should().Be("vendor outage, nothing to learn");
        incident.NewTimelineEntries.Should().ContainSingle().Which.ToState.Should().Be(IncidentState.Closed);
    }

    [Fact]
    public void WaiveRca_BySomeoneWhoIsNotAManager_IsRefused()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();

        var outcome = incident.Act(i => i.WaiveRca(People.Ana, "no time"));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("Only a manager may waive the RCA of INC-1; Ana is not one. Ask Dana.");
        incident.State.Should().Be(IncidentState.RcaPending);
    }

    [Fact]
    public void WaiveRca_WithoutAReason_IsRefusedWithTheCommand()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();

        var outcome = incident.Act(i => i.WaiveRca(People.Dana, "  "));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("Waiving the RCA needs a reason, for the timeline and the summaries: /incident rca waive INC-1 <reason>.");
        incident.State.Should().Be(IncidentState.RcaPending);
    }

    [Fact]
    public void WaiveRca_WhenNothingIsPending_IsRefused()
    {
        var incident = IncidentBuilder.In(IncidentState.Resolved).Build();

        var outcome = incident.Act(i => i.WaiveRca(People.Dana, "no time"));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("INC-1 has no RCA pending to waive.");
    }

    [Fact]
    public void Close_WhenRcaPending_IsRefusedPointingToTheRcaCommand()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();

        var outcome = incident.Act(i => i.Close(People.Ana));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("INC-1 is waiting for its root-cause analysis; submit it with /incident rca INC-1 <root cause>.");
    }

    [Theory]
    [InlineData(IncidentState.Reported)]
    [InlineData(IncidentState.Acknowledged)]
    [InlineData(IncidentState.Mitigated)]
    public void Close_WhileOpen_IsRefused(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var outcome = incident.Act(i => i.Close(People.Ana));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("INC-1 is still open; resolve it before closing.");
    }

    [Theory]
    [InlineData(IncidentState.Reported)]
    [InlineData(IncidentState.Acknowledged)]
    [InlineData(IncidentState.Mitigated)]
    public void RcaCommands_WhileOpen_AreRefused(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var submit = incident.Act(i => i.SubmitRca(People.Ana, "disk full", null));
        var waive = incident.Act(i => i.WaiveRca(People.Dana, "no time"));

        submit.Message.Should().Be("INC-1 is still open; the root-cause analysis comes after it is resolved.");
        waive.Message.Should().Be(submit.Message);
        incident.State.Should().Be(state);
    }
}
