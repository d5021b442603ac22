using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Tests.Alerts;

public sealed class AlertTextTests
{
    private static readonly Workflow.Plan.ResponsePlan Plan = AlertPlans.WithPrometheus(autoResolve: true, stormGroups: 20);

    [Fact]
    public void Report_GroupOfTwoInstances_ListsBothValuesAndOnlySummariesThatSayMoreThanTheTitle()
    {
        var signal = new AlertGroupSignal("g", AlertStatus.Firing, "Checkout errors", "critical",
        [
            new AlertItem("a", AlertStatus.Firing, "Checkout errors", [new("alertname", "HighErrorRate"), new("instance", "checkout-1:8080"), new("severity", "critical")]),
            new AlertItem("b", AlertStatus.Firing, "5xx at 7% on checkout-2", [new("alertname", "HighErrorRate"), new("instance", "checkout-2:8080"), new("severity", "critical")]),
        ], "http://am.example");

        var report = AlertText.Report(Plan.Alerts[0], signal, Plan);

        report.Should().Be(new IncidentReport(
            "Checkout errors", "sev1", "5xx at 7% on checkout-2",
            "Labels: alertname=HighErrorRate, instance=checkout-1:8080 | checkout-2:8080, severity=critical\nSource: http://am.example",
            AlertNote: "2 alerts firing"));
    }

    [Fact]
    public void Report_TitleNamingAnotherSeverityThanTheMap_IsFiledUnderANeutralTitleWithTheAlertKept()
    {
        var signal = new AlertGroupSignal("g", AlertStatus.Firing, "Disk sev4 almost full", "critical",
            [new AlertItem("a", AlertStatus.Firing, "Disk sev4 almost full", [new("alertname", "Disk")])]);

        var report = AlertText.Report(Plan.Alerts[0], signal, Plan);

        (report.Title, report.SeverityId, report.Description).Should().Be(
            ("Alert from Alertmanager (prometheus)", "sev1", "Alert: Disk sev4 almost full\nLabels: alertname=Disk"));
    }

    [Fact]
    public void StormNote_CountsGroupsInTheSingularAndThePlural()
    {
        (AlertText.StormNote(1), AlertText.StormNote(2)).Should().Be(("alert storm: 1 group firing", "alert storm: 2 groups firing"));
    }
}
