using Jivrus.IncidentBot.Bot.Alerts;
using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Bot.Tests.Alerts.Payload;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts;

public sealed class AlertmanagerReaderTests
{
    private const string CheckoutGroup = "{}/{severity=\"critical\"}:{alertname=\"HighErrorRate\", job=\"checkout\"}";
    private const string Graph = "http://prometheus.example.com:9090/graph?g0.expr=job%3Acheckout_5xx%3Arate5m+%3E+0.05&g0.tab=1";

    [Fact]
    public void Read_FiringNotification_IsOneGroupWithEachAlert()
    {
        var read = Read("alertmanager-firing.json", Prometheus);

        read.Problem.Should().BeNull();
        read.Batch.Should().BeEquivalentTo(
            new AlertBatch("prometheus", [
                new AlertGroupSignal(CheckoutGroup, AlertStatus.Firing, "HighErrorRate", "critical", [
                    new AlertItem("4c2a8f1e9b7d3a60", AlertStatus.Firing, "Checkout 5xx rate is 7% on checkout-1:8080",
                        [L("alertname", "HighErrorRate"), L("instance", "checkout-1:8080"), L("job", "checkout"), L("severity", "critical")],
                        new DateTimeOffset(2026, 3, 2, 4, 1, 30, 512, TimeSpan.Zero), null),
                    new AlertItem("9d01b3c5e7f2a418", AlertStatus.Firing, "More than 5% of checkout requests fail on checkout-2:8080.",
                        [L("alertname", "HighErrorRate"), L("instance", "checkout-2:8080"), L("job", "checkout"), L("severity", "critical")],
                        new DateTimeOffset(2026, 3, 2, 4, 2, 0, TimeSpan.Zero), null),
                ], "http://alertmanager.example.com:9093"),
            ]),
            Exactly);
    }

    [Fact]
    public void Read_ResolvedNotification_IsTheSameGroupResolvedUnderItsCommonSummary()
    {
        var read = Read("alertmanager-resolved.json", Prometheus);

        read.Batch.Should().BeEquivalentTo(
            new AlertBatch("prometheus", [
                new AlertGroupSignal(CheckoutGroup, AlertStatus.Resolved, "Checkout 5xx rate back under 5%", "critical", [
                    new AlertItem("4c2a8f1e9b7d3a60", AlertStatus.Resolved, "Checkout 5xx rate back under 5%",
                        [L("alertname", "HighErrorRate"), L("instance", "checkout-1:8080"), L("job", "checkout"), L("severity", "critical")],
                        new DateTimeOffset(2026, 3, 2, 4, 1, 30, 512, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 4, 31, 30, 512, TimeSpan.Zero)),
                ], "http://alertmanager.example.com:9093"),
            ]),
            Exactly);
        read.Batch!.Groups[0].FiringCount.Should().Be(0);
    }

    [Fact]
    public void Read_OneAlertWithoutCommonSummary_TitlesItWithItsInstanceAndLinksItsGraph()
    {
        var read = Read("alertmanager-single.json", Prometheus);

        read.Batch.Should().BeEquivalentTo(
            new AlertBatch("prometheus", [
                new AlertGroupSignal("{}:{alertname=\"DiskAlmostFull\"}", AlertStatus.Firing, "DiskAlmostFull on db-1:9100", "warning", [
                    new AlertItem("a1b2c3d4e5f60718", AlertStatus.Firing, "Less than 10% of /var/lib/postgresql is free.",
                        [L("alertname", "DiskAlmostFull"), L("instance", "db-1:9100"), L("job", "node"), L("mountpoint", "/var/lib/postgresql"), L("severity", "warning")],
                        new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.FromHours(5.5)), null),
                ], "http://prometheus.example.com:9090/graph?g0.expr=node_filesystem_avail_bytes&g0.tab=1"),
            ]),
            Exactly);
    }

    [Fact]
    public void Read_SeverityOnlyOnTheAlerts_TakesTheFirstAlertsValue()
    {
        var read = ReadJson(Notification("""{"alertname": "Latency"}""", Alert("page"), Alert("ticket")), Prometheus);

        read.Batch!.Groups.Should().ContainSingle().Which.SeverityValue.Should().Be("page");
    }

    [Fact]
    public void Read_SourceWithItsOwnSeverityLabel_ReadsThatLabel()
    {
        var source = Prometheus with { SeverityLabel = "priority" };

        var read = ReadJson(Notification("""{"alertname": "Latency", "severity": "critical", "priority": "P2"}""", Alert("critical")), source);

        read.Batch!.Groups.Should().ContainSingle().Which.SeverityValue.Should().Be("P2");
    }

    [Fact]
    public void Read_AlertsWithDifferentNamesAndNoSummary_TitlesTheGroupByItsLabels()
    {
        var body = Notification("{}", Alert("critical", "A"), Alert("critical", "B")).Replace("\"groupLabels\": {}", "\"groupLabels\": {\"team\": \"web\", \"env\": \"prod\"}", StringComparison.Ordinal);

        var read = ReadJson(body, Prometheus);

        read.Batch!.Groups.Should().ContainSingle().Which.Title.Should().Be("Alerts for team=web, env=prod");
    }

    [Fact]
    public void Read_NoNameNoSummaryNoGroupLabels_TitlesTheGroupBySource()
    {
        var read = ReadJson(Notification("{}", Alert("critical", "A"), Alert("critical", "B")), Prometheus);

        read.Batch!.Groups.Should().ContainSingle().Which.Title.Should().Be("Alerts from prometheus");
    }

    [Fact]
    public void Read_GroupKeyLongerThanTheLimit_IsReplacedByItsSha256()
    {
        var key = "{}:{" + new string('x', 300) + "}";
        var body = Notification("""{"alertname": "Latency"}""", Alert("critical")).Replace("\"groupKey\": \"g\"", $"\"groupKey\": \"{key}\"", StringComparison.Ordinal);

        var read = ReadJson(body, Prometheus);

        read.Batch!.Groups.Should().ContainSingle().Which.Key.Should().Be(AlertKeys.Hash(key)).And.HaveLength(64);
    }

    [Theory]
    [InlineData("not json", "The body is not JSON; alert source 'prometheus' takes Alertmanager webhook notifications (version 4).")]
    [InlineData("[1, 2]", "The body must be a JSON object: an Alertmanager webhook notification (\"version\": \"4\").")]
    [InlineData("""{"groupKey": "g"}""", "The body has no \"version\"; an Alertmanager webhook notification carries \"version\": \"4\".")]
    [InlineData("""{"version": "3", "groupKey": "g"}""", "The body is a notification of version '3', not an Alertmanager webhook notification of version 4.")]
    [InlineData("""{"version": "1", "orgId": 1}""", "The body is a notification of version '1', not an Alertmanager webhook notification of version 4; it looks like Grafana's, so give this source kind: grafana in the response plan.")]
    [InlineData("""{"version": "4", "status": "firing"}""", "The notification has no \"groupKey\", which names its alert group; Alertmanager always sends one.")]
    [InlineData("""{"version": "4", "groupKey": "g"}""", "The notification has no \"status\" (firing or resolved).")]
    [InlineData("""{"version": "4", "groupKey": "g", "status": "pending"}""", "The notification has \"status\" 'pending'; it must be firing or resolved.")]
    [InlineData("""{"version": "4", "groupKey": "g", "status": "firing"}""", "The notification has no \"alerts\" list.")]
    [InlineData("""{"version": "4", "groupKey": "g", "status": "firing", "alerts": []}""", "The notification's \"alerts\" list is empty; there is nothing to file.")]
    [InlineData("""{"version": "4", "groupKey": "g", "status": "firing", "alerts": [{}, "x"]}""", "Alert #2 of \"alerts\" is not a JSON object.")]
    [InlineData("""{"version": "4", "groupKey": "g", "status": "firing", "alerts": [{"status": "silenced"}]}""", "Alert #1 of \"alerts\" has \"status\" 'silenced'; it must be firing or resolved.")]
    public void Read_NotAnAlertmanagerNotification_AnswersWhatIsWrong(string body, string sentence)
    {
        var read = ReadJson(body, Prometheus);

        read.Should().Be(AlertRead.Refused(sentence));
    }

    [Fact]
    public void Read_AlertWithoutStatusOrNames_TakesTheNotificationsStatusAndSaysItHasNoName()
    {
        var read = ReadJson("""{"version": "4", "groupKey": "g", "status": "resolved", "alerts": [{}]}""", Prometheus);

        read.Batch.Should().BeEquivalentTo(
            new AlertBatch("prometheus", [
                new AlertGroupSignal("g", AlertStatus.Resolved, "Alert without a name or summary", null, [
                    new AlertItem(null, AlertStatus.Resolved, "Alert without a name or summary", [], null, null),
                ], null),
            ]),
            Exactly);
    }

    private static string Alert(string severity, string name = "Latency") =>
        $$"""{"status": "firing", "labels": {"alertname": "{{name}}", "severity": "{{severity}}"}, "annotations": {} }""";

    private static string Notification(string commonLabels, params string[] alerts) =>
        $$"""{"version": "4", "groupKey": "g", "status": "firing", "groupLabels": {}, "commonLabels": {{commonLabels}}, "commonAnnotations": {}, "alerts": [{{string.Join(", ", alerts)}}]}""";
}
