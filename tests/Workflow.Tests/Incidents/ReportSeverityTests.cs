using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Plan;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

public sealed class ReportSeverityTests
{
    [Fact]
    public void Classify_PromotedTicketWhoseSubjectNamesSomethingMoreUrgent_TakesTheWord()
    {
        var report = new IncidentReport("Checkout outage for all EU customers", AtLeastSeverityId: "sev2");

        var severity = report.Classify(SeverityWordsTests.PlanWithAliases());

        severity.Should().Be(new ReportSeverity(severity.Severity, SeverityReason.Word, "outage", "Checkout outage for all EU customers"));
        severity.Severity!.Id.Should().Be("sev1");
    }

    [Fact]
    public void Classify_PromotedTicketWhoseSubjectNamesSomethingLessUrgent_KeepsThePriority()
    {
        var report = new IncidentReport("Search is slow", AtLeastSeverityId: "sev2");

        var severity = report.Classify(SeverityWordsTests.PlanWithAliases());

        severity.Reason.Should().Be(SeverityReason.Floor);
        severity.Severity!.Id.Should().Be("sev2");
        severity.Title.Should().Be("Search is slow");
    }

    [Fact]
    public void Classify_WithAChosenSeverity_KeepsAShortTokenInTheTitle()
    {
        var report = new IncidentReport("P1 pipeline stalled", "sev3");

        var severity = report.Classify(SeverityWordsTests.PlanWithAliases());

        severity.Should().Be(new ReportSeverity(severity.Severity, SeverityReason.Given, null, "P1 pipeline stalled"));
        severity.Severity!.Id.Should().Be("sev3");
    }

    [Fact]
    public void Problem_WhenOnlyATokenIsLeft_AsksForATitle()
    {
        var report = new IncidentReport("P2");

        report.Problem(SeverityWordsTests.PlanWithAliases()).Should().Be("An incident needs a title: /incident report <title> [sev1..sev4] [impact: <text>].");
    }
}
