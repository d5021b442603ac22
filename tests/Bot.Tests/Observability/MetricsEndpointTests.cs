using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Bot.Scheduling;
using Jivrus.IncidentBot.Bot.Tests.Channels.Slack;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary><c>GET /metrics</c> in Prometheus text, and the Grafana dashboard built on it.</summary>
public sealed partial class MetricsEndpointTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 4, 30, 0, TimeSpan.Zero);

    // Every metric the bot defines, as the exporter names it; histograms appear as _bucket, _sum and _count.
    private static readonly string[] BotMetrics =
    [
        "incidentbot_acknowledgements_total",
        "incidentbot_chat_api_calls_total",
        "incidentbot_escalations_total",
        "incidentbot_incidents_opened_total",
        "incidentbot_mtta_seconds_bucket",
        "incidentbot_mttr_seconds_bucket",
        "incidentbot_outbox_backlog",
        "incidentbot_outbox_oldest_age_seconds",
        "incidentbot_sla_breaches_total",
        "incidentbot_sla_warnings_total",
        "incidentbot_timer_fires_total",
        "incidentbot_timer_lateness_seconds_bucket",
        "incidentbot_timer_overdue_seconds",
    ];

    [Fact]
    public async Task Metrics_AfterALifecycle_ExposesEveryBotMetricAsPrometheusText()
    {
        await using var host = new SlackHost(new FakeTimeProvider(Monday));

        var (contentType, text) = await LifecycleThenScrapeAsync(host);

        contentType.Should().StartWith("text/plain");
        Names(text).Where(n => n.StartsWith("incidentbot_", StringComparison.Ordinal)).Intersect(BotMetrics).Order(StringComparer.Ordinal)
            .Should().Equal(BotMetrics);
        text.Should().Contain("incidentbot_incidents_opened_total{otel_scope_name=\"Jivrus.IncidentBot\",severity=\"sev1\"} ");
    }

    [Fact]
    public void GrafanaDashboard_IsJsonWithPanelsThatQueryPrometheus()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath()));

        var root = dashboard.RootElement;
        root.GetProperty("title").GetString().Should().Be("Jivrus IncidentBot");
        var rows = root.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() == "row")
            .Select(p => p.GetProperty("title").GetString()).ToList();
        rows.Should().Equal("Managers: incidents and SLA", "Operators: delivery, timers, chat APIs, HTTP");
        Expressions(root).Should().NotBeEmpty();
    }

    [Fact]
    public async Task GrafanaDashboard_QueriesOnlyMetricsTheBotExposes()
    {
        await using var host = new SlackHost(new FakeTimeProvider(Monday));
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath()));
        var (_, text) = await LifecycleThenScrapeAsync(host);
        var exposed = Names(text).ToHashSet(StringComparer.Ordinal);

        var queried = Expressions(dashboard.RootElement).SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).Distinct().ToList();

        queried.Should().HaveCountGreaterThan(10);
        queried.Where(name => !exposed.Contains(name)).Should().BeEmpty();
    }

    /// <summary>Report, let the acknowledge window pass twice, acknowledge and resolve, deliver to the fake Slack; then scrape.</summary>
    private static async Task<(string ContentType, string Text)> LifecycleThenScrapeAsync(SlackHost host)
    {
        var tick = host.Services.GetRequiredService<TimerTick>();
        await host.Desk.ReportAsync(Actor.Employee("slack:U0EVE", "Eve"), new IncidentReport("Payments failing", "sev1"));
        await host.FlushAsync();
        host.Time!.Advance(TimeSpan.FromMinutes(7.5));
        await tick.RunOnceAsync();
        host.Time.Advance(TimeSpan.FromMinutes(7.5));
        await tick.RunOnceAsync();
        await host.Desk.AcknowledgeAsync(Actor.Person("chen", "Chen"), 1);
        await host.Desk.ResolveAsync(Actor.Person("chen", "Chen"), 1, "Rolled back");
        await host.FlushAsync();
        var client = host.CreateClient();
        (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> Names(string exposition) =>
        exposition.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l[..l.IndexOfAny(['{', ' '])]).Distinct();

    private static List<string> Expressions(JsonElement dashboard) =>
        dashboard.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!))
            .ToList();

    private static string DashboardPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "deploy", "grafana-dashboard.json");
            if (File.Exists(path))
                return path;
        }

        throw new FileNotFoundException("deploy/grafana-dashboard.json was not found above the test's folder.");
    }

    [GeneratedRegex("\\b(?:incidentbot|http_server)_[a-z_]+\\b")]
    private static partial Regex MetricName();
}
