using System.Net;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.EndToEnd;

/// <summary>
/// Recorded notifications posted to the real bot's port, through the whole bot (reader, intake, database, delivery):
/// an Alertmanager webhook delivered twice, as a retry after a timeout does, and Grafana's firing and resolved webhooks.
/// </summary>
public sealed class RecordedPayloadsEndToEndTests : IAsyncLifetime
{
    private AlertBot _bot = null!;

    public Task InitializeAsync()
    {
        _bot = AlertBot.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Alertmanager_SameRecordedWebhookTwice_OpensOneIncidentAndPagesOnce()
    {
        var body = Recorded("alertmanager-firing.json");

        var first = await PostAsync("prometheus", body, AlertBot.PrometheusToken);
        var retry = await PostAsync("prometheus", body, AlertBot.PrometheusToken);
        await _bot.WaitUntilDeliveredAsync();

        // The reply is JSON as System.Text.Json writes it: quotes inside a string as \u0022.
        const string Key = "{}:{alertname=\\u0022HighErrorRate\\u0022}";
        first.Should().Be((HttpStatusCode.OK, $$"""{"status":"accepted","groups":[{"key":"{{Key}}","incident":"INC-1","effect":"opened"}]}"""));
        retry.Should().Be((HttpStatusCode.OK, $$"""{"status":"accepted","groups":[{"key":"{{Key}}","incident":"INC-1","effect":"unchanged"}]}"""));
        var incident = (await _bot.IncidentsAsync()).Should().ContainSingle().Which;
        (incident.Title, incident.SeverityId, incident.ReporterName, incident.AlertNote).Should().Be(
            ("Checkout error rate above 5% for 5 minutes", "sev1", "Alertmanager (prometheus)", "2 alerts firing"));
        (await _bot.TimelineAsync(1)).Should().Equal("Alertmanager (prometheus) reported INC-1 (Critical): Checkout error rate above 5% for 5 minutes");
        (await _bot.PagesAsync()).Should().Equal(Stored.PageRounds(1));
        AlertmanagerEndToEndTests.DirectPosts(_bot).Should().Equal(("DM Ana", 1), ("DM Ben", 1));
    }

    [Fact]
    public async Task Grafana_RecordedFiringThenResolved_OpensAnIncidentPerAlertAndResolvesTheOneWhoseAlertResolved()
    {
        var firing = await PostAsync("grafana", Payload.Text("grafana-firing.json"), AlertBot.GrafanaToken);
        var incidents = await _bot.IncidentsAsync();
        var resolved = await PostAsync("grafana", Payload.Text("grafana-resolved.json"), AlertBot.GrafanaToken);
        await _bot.WaitUntilDeliveredAsync();

        firing.Status.Should().Be(HttpStatusCode.OK);
        incidents.Select(i => (i.Number, i.Title, i.SeverityId, i.ReporterId, i.ReporterName, i.Impact, i.Description)).Should().Equal(
            (1, "Payments memory above 90% in eu-1", "sev1", "alerts:grafana", "Grafana (grafana)", (string?)null,
                "Labels: alertname=High memory usage, grafana_folder=Payments, severity=critical, team=payments, zone=eu-1\nSource: https://grafana.example.com/d/payments-memory?orgId=1&viewPanel=4"),
            (2, "Queue backlog", "sev3", "alerts:grafana", "Grafana (grafana)", (string?)null,
                "Labels: alertname=Queue backlog, grafana_folder=Payments, team=payments\nSource: https://grafana.example.com/alerting/grafana/b7e4d2a1/view?orgId=1"));
        resolved.Should().Be((HttpStatusCode.OK, """{"status":"accepted","groups":[{"key":"c6eadffa33fcdf37","incident":"INC-1","effect":"resolved"}]}"""));
        var now = await _bot.IncidentsAsync();
        now.Select(i => (i.Number, i.State, i.Resolution, i.AlertNote)).Should().Equal(
            (1, IncidentState.Resolved, Incident.ResolvedByAlerts, "all alerts resolved"),
            (2, IncidentState.Reported, (string?)null, "1 alert firing"));
        (await _bot.TimelineAsync(1)).Should().Equal(
            "Grafana (grafana) reported INC-1 (Critical): Payments memory above 90% in eu-1",
            "Alerts resolved: Payments memory above 90% in eu-1.",
            "Grafana (grafana) resolved INC-1 in under a minute: resolved by its alerts");
        (await _bot.PagesAsync()).Should().Equal(Stored.PageRounds(1, 2));
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string source, string body, string token)
    {
        using var response = await _bot.PostAlertsAsync(source, body, token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Recorded(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Alerts", "Recorded", name));
}
