using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.EndToEnd;

/// <summary>
/// An events source (kind <c>events</c>) driven by a sender written from PagerDuty's Events API v2 documentation:
/// trigger, acknowledge and resolve one alert by its dedup_key, the routing key as the token.
/// </summary>
public sealed class EventsEndToEndTests : IAsyncLifetime
{
    private const string DedupKey = "checkout-api/http-5xx";
    private const string Summary = "Checkout API answers 503 to 40% of requests";
    private const string Reporter = "Events (uptime)";

    private AlertBot _bot = null!;
    private EventsApiSender _sender = null!;

    public Task InitializeAsync()
    {
        _bot = AlertBot.Start();
        _sender = new EventsApiSender(_bot.Http, _bot.AlertsUrl("uptime"), AlertBot.UptimeRoutingKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task TriggerAcknowledgeResolve_OpensTheIncidentThenTheSourceAcknowledgesAndResolvesIt()
    {
        var payload = new EventPayload(
            Summary, "checkout-api-1.example.com", "critical", DateTimeOffset.UtcNow, Component: "nginx", Group: "checkout", Class: "http 5xx",
            CustomDetails: new Dictionary<string, string> { ["error rate"] = "40%" });

        var triggered = await _sender.TriggerAsync(DedupKey, payload, [new EventLink("https://uptime.example.com/checks/checkout-api", "Check")]);
        var opened = (await _bot.IncidentsAsync()).Should().ContainSingle().Which;
        var acknowledged = await _sender.AcknowledgeAsync(DedupKey);
        var afterAck = await _bot.IncidentAsync(1);
        var resolved = await _sender.ResolveAsync(DedupKey);
        await _bot.WaitUntilDeliveredAsync();

        new[] { triggered, acknowledged, resolved }.Should().AllBeEquivalentTo(new EventsApiResponse("success", "Event processed", DedupKey));
        (opened.Number, opened.Title, opened.SeverityId, opened.State, opened.ReporterId, opened.ReporterName, opened.Impact, opened.Description).Should().Be((
            1, Summary, "sev1", IncidentState.Reported, "alerts:uptime", Reporter, (string?)null,
            "Labels: source=checkout-api-1.example.com, component=nginx, group=checkout, class=http 5xx, error rate=40%\nSource: https://uptime.example.com/checks/checkout-api"));
        (afterAck.State, afterAck.AcknowledgedByName).Should().Be((IncidentState.Acknowledged, Reporter));
        var incident = await _bot.IncidentAsync(1);
        (incident.State, incident.Resolution).Should().Be((IncidentState.Resolved, Incident.ResolvedByAlerts));
        (await _bot.TimelineAsync(1)).Should().Equal(
            $"{Reporter} reported INC-1 (Critical): {Summary}",
            $"{Reporter} acknowledged INC-1.",
            $"Alerts resolved: {Summary}.",
            $"{Reporter} resolved INC-1 in under a minute: resolved by its alerts");
        (await _bot.PagesAsync()).Should().Equal(Stored.PageRounds(1));
    }
}
