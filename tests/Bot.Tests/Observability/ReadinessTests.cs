using System.Net;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary><c>/readyz</c>: each check named with its status and a sentence; 503 when any is unhealthy.</summary>
public sealed class ReadinessTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 4, 30, 0, TimeSpan.Zero);
    private static readonly Actor Eve = Actor.Employee("local:eve", "Eve");

    private const string Database = """{"name":"database","status":"healthy","description":"The incident database answers."}""";
    private const string Plan = """{"name":"plan","status":"healthy","description":"The response plan is loaded: 4 severities, 3 escalation levels."}""";
    private const string NoOutbox = """{"name":"outbox","status":"healthy","description":"No message waits in the outbox."}""";
    private const string NoTimers = """{"name":"timers","status":"healthy","description":"No timer is overdue."}""";

    [Fact]
    public async Task Readyz_WithNothingWaiting_IsHealthyNamingEveryCheck()
    {
        await using var host = new TimedHost(Monday);

        var (status, body) = await ReadyzAsync(host);

        status.Should().Be(HttpStatusCode.OK);
        body.Should().Be($$"""{"status":"healthy","checks":[{{Database}},{{Plan}},{{NoOutbox}},{{NoTimers}}]}""");
    }

    [Fact]
    public async Task Readyz_WithAnOutboxMessageStuckPastTheLimit_Answers503NamingTheOutbox()
    {
        await using var host = new TimedHost(Monday, ("Readiness:TimerMaxLateness", "1.00:00:00"));
        await host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev1"));
        host.Time.Advance(TimeSpan.FromMinutes(11));

        var (status, body) = await ReadyzAsync(host);

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.Should().Be($$"""{"status":"unhealthy","checks":[{{Database}},{{Plan}},{"name":"outbox","status":"unhealthy","description":"5 outbox messages waiting, the oldest for 11m, more than 10m: posts are not reaching the chat; see the outbox warnings in the log."},{"name":"timers","status":"healthy","description":"The most overdue timer is 3m30s late."}]}""");
    }

    [Fact]
    public async Task Readyz_WithAnOutboxMessageWaitingWithinTheLimit_IsHealthy()
    {
        await using var host = new TimedHost(Monday);
        await host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev1"));
        host.Time.Advance(TimeSpan.FromMinutes(2));

        var (status, body) = await ReadyzAsync(host);

        status.Should().Be(HttpStatusCode.OK);
        body.Should().Be($$"""{"status":"healthy","checks":[{{Database}},{{Plan}},{"name":"outbox","status":"healthy","description":"5 outbox messages waiting, the oldest for 2m."},{{NoTimers}}]}""");
    }

    [Fact]
    public async Task Readyz_WithATimerOverduePastTheLimit_Answers503NamingTheTimers()
    {
        await using var host = new TimedHost(Monday);
        await host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev1"));
        await host.FlushAsync();
        host.Time.Advance(TimeSpan.FromMinutes(10.5));

        var (status, body) = await ReadyzAsync(host);

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.Should().Be($$"""{"status":"unhealthy","checks":[{{Database}},{{Plan}},{{NoOutbox}},{"name":"timers","status":"unhealthy","description":"The most overdue timer is 3m late, more than 2m: reminders and escalations are not firing; check that Scheduling:Background is on."}]}""");
    }

    [Fact]
    public async Task Readyz_WithConfiguredLimits_UsesThem()
    {
        await using var host = new TimedHost(Monday, ("Readiness:OutboxMaxAge", "00:01:00"));
        await host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev1"));
        host.Time.Advance(TimeSpan.FromMinutes(2));

        var (status, _) = await ReadyzAsync(host);

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyzAsync(BotHost host)
    {
        using var response = await host.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
