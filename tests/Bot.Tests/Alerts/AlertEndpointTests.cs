using System.Net;
using Jivrus.IncidentBot.Workflow.Alerts;
using static Jivrus.IncidentBot.Bot.Tests.Alerts.Payload;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts;

public sealed class AlertEndpointTests : IAsyncLifetime
{
    private readonly AlertHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_AlertmanagerWithBearerToken_HandsTheGroupToIntakeAndSaysWhatHappened()
    {
        using var response = await _host.PostAsync("prometheus", Text("alertmanager-firing.json"), AlertHost.PrometheusToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"status":"accepted","groups":[{"key":"{}/{severity=\u0022critical\u0022}:{alertname=\u0022HighErrorRate\u0022, job=\u0022checkout\u0022}","incident":"INC-7","effect":"opened"}]}""");
        _host.Intake.Batches.Should().ContainSingle().Which.Should().BeEquivalentTo(Read("alertmanager-firing.json", Prometheus).Batch!, Exactly);
    }

    [Fact]
    public async Task Post_GrafanaNotification_AnswersEachAlertsGroup()
    {
        using var response = await _host.PostAsync("grafana", Text("grafana-firing.json"), AlertHost.GrafanaToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var backlog = Read("grafana-firing.json", Grafana).Batch!.Groups[1].Key;
        (await response.Content.ReadAsStringAsync()).Should().Be(
            $$"""{"status":"accepted","groups":[{"key":"c6eadffa33fcdf37","incident":"INC-7","effect":"opened"},{"key":"{{backlog}}","incident":"INC-8","effect":"opened"}]}""");
    }

    [Fact]
    public async Task Post_EventWithTheTokenAsRoutingKey_Answers202AsPagerDutyDoes()
    {
        using var response = await _host.PostAsync("backups", Text("events-trigger.json"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"status":"success","message":"Event processed","dedup_key":"nightly-backup/db-1"}""");
        _host.Intake.Batches.Should().ContainSingle().Which.Groups.Should().ContainSingle().Which.Status.Should().Be(AlertStatus.Firing);
    }

    [Fact]
    public async Task Post_EventWithBearerTokenAndNoRoutingKey_IsAccepted()
    {
        using var response = await _host.PostAsync("backups", """{"event_action": "resolve", "dedup_key": "nightly-backup/db-1"}""", AlertHost.EventsToken);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _host.Intake.Batches.Should().ContainSingle().Which.Groups.Should().ContainSingle().Which.Status.Should().Be(AlertStatus.Resolved);
    }

    [Fact]
    public async Task Post_TriggerWithoutDedupKey_AnswersTheKeyItWasGiven()
    {
        using var response = await _host.PostAsync("backups",
            """{"routing_key": "events-token-5f2c", "event_action": "trigger", "payload": {"summary": "Disk full", "source": "web-1", "severity": "warning"}}""");

        (await response.Content.ReadAsStringAsync()).Should().Be(
            $$"""{"status":"success","message":"Event processed","dedup_key":"{{_host.Intake.Batches.Single().Groups.Single().Key}}"}""");
    }

    [Fact]
    public async Task Post_WithoutToken_Is401AndFilesNothing()
    {
        using var response = await _host.PostAsync("prometheus", Text("alertmanager-firing.json"));

        await ShouldBeRefusedAsync(response, HttpStatusCode.Unauthorized,
            "Alert source 'prometheus' needs its token: send Authorization: Bearer <the value of Alerts:Sources:prometheus:Token>.");
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
    }

    [Fact]
    public async Task Post_WithWrongToken_Is401AndNeverShowsTheToken()
    {
        using var response = await _host.PostAsync("prometheus", Text("alertmanager-firing.json"), AlertHost.PrometheusToken + "x");

        await ShouldBeRefusedAsync(response, HttpStatusCode.Unauthorized,
            "The token sent for alert source 'prometheus' is not its Alerts:Sources:prometheus:Token; check the sender's configuration.");
        _host.Logs.Lines.Where(l => l.Contains("S3CRET", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task Post_WithAnotherSourcesToken_Is401()
    {
        using var response = await _host.PostAsync("prometheus", Text("alertmanager-firing.json"), AlertHost.GrafanaToken);

        await ShouldBeRefusedAsync(response, HttpStatusCode.Unauthorized,
            "The token sent for alert source 'prometheus' is not its Alerts:Sources:prometheus:Token; check the sender's configuration.");
    }

    [Fact]
    public async Task Post_ToSourceWithoutConfiguredToken_Is401SayingWhatToSet()
    {
        using var response = await _host.PostAsync("unconfigured", Text("alertmanager-firing.json"), "anything");

        await ShouldBeRefusedAsync(response, HttpStatusCode.Unauthorized,
            "No token is configured for alert source 'unconfigured': set Alerts:Sources:unconfigured:Token on IncidentBot and send it as Authorization: Bearer <token>.");
    }

    [Fact]
    public async Task Post_EventWithWrongRoutingKey_Is401()
    {
        using var response = await _host.PostAsync("backups", Text("events-trigger.json").Replace("events-token-5f2c", "events-token-0000", StringComparison.Ordinal));

        await ShouldBeRefusedAsync(response, HttpStatusCode.Unauthorized,
            "The token sent for alert source 'backups' is not its Alerts:Sources:backups:Token; check the sender's configuration.");
    }

    [Fact]
    public async Task Post_EventWithNeitherBearerNorRoutingKey_Is401NamingBothWays()
    {
        using var response = await _host.PostAsync("backups", Text("events-trigger.json").Replace("\"routing_key\": \"events-token-5f2c\",", "", StringComparison.Ordinal));

        await ShouldBeRefusedAsync(response, HttpStatusCode.Unauthorized,
            "Alert source 'backups' needs its token: send Authorization: Bearer <the value of Alerts:Sources:backups:Token>, or put it in the body's routing_key.");
    }

    [Fact]
    public async Task Post_RoutingKeyToAnAlertmanagerSource_Is401()
    {
        using var response = await _host.PostAsync("prometheus", """{"routing_key": "prom-S3CRET-token-7d1e", "version": "4"}""");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _host.Intake.Batches.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_ToUnknownSource_Is404NamingThePlansSources()
    {
        using var response = await _host.PostAsync("nagios", Text("alertmanager-firing.json"), AlertHost.PrometheusToken);

        await ShouldBeRefusedAsync(response, HttpStatusCode.NotFound,
            "No alert source 'nagios' in the response plan; the plan's alerts: names prometheus, grafana, backups, unconfigured.");
    }

    [Fact]
    public async Task Post_BodyOverTheCap_Is413()
    {
        using var response = await _host.PostAsync("prometheus", new ByteArrayContent(new byte[AlertHost.Cap + 1]), AlertHost.PrometheusToken);

        await ShouldBeRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge,
            "The body is larger than 4096 bytes, the most Alerts:MaxBodyBytes allows; send fewer alerts per notification (in Alertmanager, max_alerts in the webhook receiver).");
    }

    [Fact]
    public async Task Post_BodyOverTheCapWithoutLength_Is413()
    {
        using var response = await _host.PostAsync("backups", new StreamContent(new UnseekableStream(new byte[AlertHost.Cap * 4])), AlertHost.EventsToken);

        response.Content.Headers.ContentLength.Should().NotBe(AlertHost.Cap * 4);
        await ShouldBeRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge,
            "The body is larger than 4096 bytes, the most Alerts:MaxBodyBytes allows; send fewer alerts per notification (in Alertmanager, max_alerts in the webhook receiver).");
    }

    [Fact]
    public async Task Post_BodyNotTheKindsShape_Is400WithTheReadersSentence()
    {
        using var response = await _host.PostAsync("prometheus", Text("grafana-firing.json"), AlertHost.PrometheusToken);

        await ShouldBeRefusedAsync(response, HttpStatusCode.BadRequest,
            "The body is a notification of version '1', not an Alertmanager webhook notification of version 4; it looks like Grafana's, so give this source kind: grafana in the response plan.");
    }

    [Fact]
    public async Task Post_BodyNotJson_Is400()
    {
        using var response = await _host.PostAsync("grafana", "alert!", AlertHost.GrafanaToken);

        await ShouldBeRefusedAsync(response, HttpStatusCode.BadRequest,
            "The body is not JSON; alert source 'grafana' takes Grafana alerting webhook notifications.");
    }

    [Fact]
    public async Task Post_WhenIntakeFails_Is503SoTheSenderRetries()
    {
        _host.Intake.Fails = true;

        using var response = await _host.PostAsync("prometheus", Text("alertmanager-firing.json"), AlertHost.PrometheusToken);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            "IncidentBot could not take these alerts in just now (its database did not answer); send them again, and none of them will be filed twice.");
    }

    [Fact]
    public void Startup_SourceWithoutToken_LogsOneLineNamingTheSetting()
    {
        _ = _host.Services;

        _host.Logs.Lines.Where(l => l.Contains("has no token", StringComparison.Ordinal)).Should().Equal(
            "Warning: Alert source 'unconfigured' has no token, so POST /alerts/unconfigured refuses every request; set Alerts:Sources:unconfigured:Token.");
    }

    private async Task ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string sentence)
    {
        response.StatusCode.Should().Be(status);
        (await response.Content.ReadAsStringAsync()).Should().Be(sentence);
        _host.Intake.Batches.Should().BeEmpty();
    }

    /// <summary>A body whose length the client cannot know, so it is sent chunked without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
