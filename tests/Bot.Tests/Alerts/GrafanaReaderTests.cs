using Jivrus.IncidentBot.Bot.Alerts;
using Jivrus.IncidentBot.Workflow.Alerts;
using static Jivrus.IncidentBot.Bot.Tests.Alerts.Payload;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts;

public sealed class GrafanaReaderTests
{
    private static readonly KeyValuePair<string, string>[] MemoryLabels =
        [L("alertname", "High memory usage"), L("grafana_folder", "Payments"), L("severity", "critical"), L("team", "payments"), L("zone", "eu-1")];

    [Fact]
    public void Read_FiringNotification_MakesEachAlertItsOwnGroup()
    {
        var read = Read("grafana-firing.json", Grafana);

        var backlogLabels = new[] { L("alertname", "Queue backlog"), L("grafana_folder", "Payments"), L("team", "payments") };
        var memory = new AlertItem("c6eadffa33fcdf37", AlertStatus.Firing, "Payments memory above 90% in eu-1", MemoryLabels,
            new DateTimeOffset(2026, 3, 2, 9, 31, 3, TimeSpan.FromHours(5.5)).AddTicks(1570760), null);
        var backlog = new AlertItem(null, AlertStatus.Firing, "Queue backlog", backlogLabels,
            new DateTimeOffset(2026, 3, 2, 9, 33, 3, TimeSpan.FromHours(5.5)), null);
        read.Batch.Should().BeEquivalentTo(
            new AlertBatch("grafana", [
                new AlertGroupSignal("c6eadffa33fcdf37", AlertStatus.Firing, "Payments memory above 90% in eu-1", "critical", [memory],
                    "https://grafana.example.com/d/payments-memory?orgId=1&viewPanel=4"),
                new AlertGroupSignal(AlertKeys.FromLabels(backlogLabels), AlertStatus.Firing, "Queue backlog", null, [backlog],
                    "https://grafana.example.com/alerting/grafana/b7e4d2a1/view?orgId=1"),
            ]),
            Exactly);
    }

    [Fact]
    public void Read_ResolvedNotification_ResolvesTheAlertsGroupAndLinksItsDashboard()
    {
        var read = Read("grafana-resolved.json", Grafana);

        read.Batch.Should().BeEquivalentTo(
            new AlertBatch("grafana", [
                new AlertGroupSignal("c6eadffa33fcdf37", AlertStatus.Resolved, "Payments memory above 90% in eu-1", "critical", [
                    new AlertItem("c6eadffa33fcdf37", AlertStatus.Resolved, "Payments memory above 90% in eu-1", MemoryLabels,
                        new DateTimeOffset(2026, 3, 2, 9, 31, 3, TimeSpan.FromHours(5.5)).AddTicks(1570760),
                        new DateTimeOffset(2026, 3, 2, 10, 1, 3, TimeSpan.FromHours(5.5))),
                ], "https://grafana.example.com/d/payments-memory?orgId=1"),
            ]),
            Exactly);
    }

    [Fact]
    public void Read_AlertWithoutFingerprint_KeysItByItsLabelsWhateverTheirOrder()
    {
        var one = ReadJson("""{"alerts": [{"status": "firing", "labels": {"alertname": "Down", "host": "web-1"}}]}""", Grafana);
        var other = ReadJson("""{"alerts": [{"status": "firing", "labels": {"host": "web-1", "alertname": "Down"}}]}""", Grafana);
        var elsewhere = ReadJson("""{"alerts": [{"status": "firing", "labels": {"host": "web-2", "alertname": "Down"}}]}""", Grafana);

        one.Batch!.Groups[0].Key.Should().Be(other.Batch!.Groups[0].Key).And.StartWith("labels:");
        elsewhere.Batch!.Groups[0].Key.Should().NotBe(one.Batch.Groups[0].Key);
    }

    [Fact]
    public void Read_SourceWithItsOwnSeverityLabel_ReadsItFromEachAlert()
    {
        var read = ReadJson("""{"alerts": [{"status": "firing", "fingerprint": "f1", "labels": {"severity": "critical", "urgency": "high"}}]}""",
            Grafana with { SeverityLabel = "urgency" });

        read.Batch!.Groups.Should().ContainSingle().Which.SeverityValue.Should().Be("high");
    }

    [Theory]
    [InlineData("\"text\"", "The body must be a JSON object: a Grafana alerting webhook notification.")]
    [InlineData("""{"status": "firing"}""", "The notification has no \"alerts\" list.")]
    [InlineData("""{"status": "alerting", "alerts": [{}]}""", "The notification has \"status\" 'alerting'; it must be firing or resolved.")]
    [InlineData("""{"alerts": []}""", "The notification's \"alerts\" list is empty; there is nothing to file.")]
    [InlineData("""{"alerts": [{"labels": {}}]}""", "Alert #1 of \"alerts\" has no \"status\" (firing or resolved).")]
    public void Read_NotAGrafanaNotification_AnswersWhatIsWrong(string body, string sentence)
    {
        var read = ReadJson(body, Grafana);

        read.Should().Be(AlertRead.Refused(sentence));
    }

    [Fact]
    public void Read_LongStatus_IsQuotedCutShort()
    {
        var status = new string('x', 50);

        var read = ReadJson($$"""{"status": "{{status}}", "alerts": [{}]}""", Grafana);

        read.Problem.Should().Be($"The notification has \"status\" '{new string('x', 40)}…'; it must be firing or resolved.");
    }
}
