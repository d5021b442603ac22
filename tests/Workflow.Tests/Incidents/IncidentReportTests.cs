using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

public class IncidentReportTests
{
    private static readonly DateTimeOffset Now = IncidentBuilder.ReportedAt;

    private static Incident Report(string? severity = "sev1") =>
        Incident.Report(1, new IncidentReport("DB down", severity, Impact: "checkout fails"), People.Eve, new IncidentContext(TestPlans.Standard(), Now));

    [Fact]
    public void Report_StartsReportedAtTheFirstLevel()
    {
        var incident = Report();

        incident.State.Should().Be(IncidentState.Reported);
        incident.Level.Should().Be(1);
        incident.Id.Should().Be("INC-1");
        incident.ReportedAt.Should().Be(Now);
        incident.PagedAt.Should().Be(Now);
    }

    [Fact]
    public void Report_WritesATimelineEntrySayingWhoReportedWhatAndWhen()
    {
        var incident = Report();

        var entry = incident.NewTimelineEntries.Should().ContainSingle().Which;
        entry.ActorId.Should().Be("eve");
        entry.ActorName.Should().Be("Eve");
        entry.At.Should().Be(Now);
        entry.Action.Should().Be("reported");
        entry.FromState.Should().Be(IncidentState.Reported);
        entry.ToState.Should().Be(IncidentState.Reported);
        entry.Text.Should().Be("Eve reported INC-1 (Critical): DB down");
    }

    [Fact]
    public void Report_PostsCardsToTheAnnounceChannelAndTheIncidentConversation()
    {
        var incident = Report();

        incident.Notices.Where(n => n.Kind == NoticeKind.Card).Select(n => n.Audience)
            .Should().BeEquivalentTo([Audience.Announce, Audience.Incident]);
    }

    [Fact]
    public void Report_PagesEachFirstLevelResponder()
    {
        var incident = Report();

        incident.Notices.Where(n => n.Kind == NoticeKind.Page).Select(n => n.PersonId)
            .Should().BeEquivalentTo(["ana", "ben"]);
    }

    [Fact]
    public void Report_OfACriticalIncident_TellsManagement()
    {
        var incident = Report();

        incident.Notices.Should().ContainSingle(n => n.Audience == Audience.Management)
            .Which.Text.Should().Contain("Support on-call is paged");
    }

    [Fact]
    public void Report_OfALesserIncident_LeavesManagementAlone()
    {
        var incident = Report("sev3");

        incident.Notices.Should().NotContain(n => n.Audience == Audience.Management);
    }

    [Fact]
    public void Report_WithoutSeverity_UsesThePlanDefault()
    {
        var incident = Report(severity: null);

        incident.SeverityId.Should().Be("sev3");
    }

    [Fact]
    public void Report_WithUnknownSeverity_IsRejectedBeforeFiling()
    {
        var report = new IncidentReport("DB down", "sev9");

        var act = () => Incident.Report(1, report, People.Eve, new IncidentContext(TestPlans.Standard(), Now));

        act.Should().Throw<ArgumentException>().WithMessage("There is no severity 'sev9'*");
    }
}
