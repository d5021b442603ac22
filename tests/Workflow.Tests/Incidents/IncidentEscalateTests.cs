using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

public class IncidentEscalateTests
{
    [Theory]
    [InlineData(IncidentState.Reported)]
    [InlineData(IncidentState.Acknowledged)]
    [InlineData(IncidentState.Mitigated)]
    public void Escalate_FromAnOpenState_ReportsAtTheNextLevel(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var outcome = incident.Act(i => i.Escalate(People.Eve, "customers still see errors"));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        outcome.Message.Should().Be("Eve escalated INC-1 to Engineering on-call (L2): customers still see errors.");
        incident.State.Should().Be(IncidentState.Reported);
        incident.Level.Should().Be(2);
        incident.PagedAt.Should().Be(IncidentBuilder.ReadyAt);
    }

    [Theory]
    [InlineData(IncidentState.Reported)]
    [InlineData(IncidentState.Acknowledged)]
    [InlineData(IncidentState.Mitigated)]
    public void Escalate_FromAnOpenState_RecordsWhereItCameFrom(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        incident.Act(i => i.Escalate(People.Eve, null));

        var entry = incident.NewTimelineEntries.Should().ContainSingle().Which;
        entry.Action.Should().Be("escalated");
        entry.FromState.Should().Be(state);
        entry.ToState.Should().Be(IncidentState.Reported);
    }

    [Fact]
    public void Escalate_PagesOnlyTheNewLevel()
    {
        var incident = IncidentBuilder.Reported().Build();

        incident.Act(i => i.Escalate(People.Eve, null));

        incident.Notices.Where(n => n.Kind == NoticeKind.Page).Select(n => n.PersonId).Should().Equal("chen");
    }

    [Fact]
    public void Escalate_WhenAcknowledged_ClearsTheAcknowledgementSoTheNewLevelMustAcknowledge()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        incident.Act(i => i.Escalate(People.Ana, null));

        incident.AcknowledgedById.Should().BeNull();
        incident.AcknowledgedAt.Should().BeNull();
    }

    [Fact]
    public void Escalate_ToTheTop_PagesManagementAndAlertsTheManagementChannel()
    {
        var incident = IncidentBuilder.Reported().Escalated(1).Build();

        incident.Act(i => i.Escalate(People.Eve, null));

        incident.Level.Should().Be(3);
        incident.ReachedTop.Should().BeTrue();
        incident.Notices.Where(n => n.Kind == NoticeKind.Page).Select(n => n.PersonId).Should().Equal("dana");
        incident.Notices.Should().ContainSingle(n => n.Audience == Audience.Management && n.Kind == NoticeKind.Alert);
    }

    [Fact]
    public void Escalate_AtTheTopWithRepeatsLeft_PagesTheTopAgain()
    {
        var incident = IncidentBuilder.Reported().Escalated(2).Build();

        var outcome = incident.Act(i => i.Escalate(People.Eve, null));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.Level.Should().Be(3);
        incident.TopRepeats.Should().Be(1);
        incident.Notices.Where(n => n.Kind == NoticeKind.Page).Select(n => n.PersonId).Should().Equal("dana");
    }

    [Fact]
    public void Escalate_WhenTheLadderIsExhausted_IsRefusedWithASentence()
    {
        var incident = IncidentBuilder.Reported().Escalated(4).Build();

        var outcome = incident.Act(i => i.Escalate(People.Eve, null));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("INC-1 is already at the top of the ladder (Management) and has been paged there 3 times.");
        incident.TopRepeats.Should().Be(2);
        incident.Notices.Should().BeEmpty();
    }

    [Fact]
    public void Escalate_WhenAcknowledgedAtAnExhaustedTop_IsRefused()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Escalated(4).Build();

        var outcome = incident.Act(i => i.Escalate(People.Dana, null));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        incident.State.Should().Be(IncidentState.Acknowledged);
    }

    [Fact]
    public void CanEscalate_WhenTheLadderIsExhausted_IsFalse()
    {
        var incident = IncidentBuilder.Reported().Escalated(4).Build();

        var canEscalate = incident.CanEscalate(TestPlans.Standard());

        canEscalate.Should().BeFalse();
    }

    [Theory]
    [InlineData(IncidentState.Resolved, "INC-1 is already resolved; reopen it first.")]
    [InlineData(IncidentState.RcaPending, "INC-1 is resolved and waiting for its root-cause analysis; submit it with /incident rca INC-1 <root cause>.")]
    [InlineData(IncidentState.Closed, "INC-1 is closed.")]
    [InlineData(IncidentState.Cancelled, "INC-1 was cancelled (false alarm).")]
    public void Escalate_AfterTheIncidentIsOver_IsRefusedSayingWhy(IncidentState state, string sentence)
    {
        var incident = IncidentBuilder.In(state).Build();

        var outcome = incident.Act(i => i.Escalate(People.Eve, null));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be(sentence);
    }
}
