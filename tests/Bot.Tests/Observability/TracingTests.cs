using System.Diagnostics;
using System.Net.Http.Json;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Scheduling;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary>Spans of the bot's own work: a command turn, each outbox delivery, each timer fire.</summary>
public sealed class TracingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 4, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task CommandTurn_IsOneTurnSpanInsideTheRequestsTrace()
    {
        await using var host = new TracedHost();
        var client = host.CreateClient();
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/local/messages")
        {
            Content = JsonContent.Create(new LocalMessageRequest("ana", "/incident report Payments failing sev2")),
        };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        var turn = host.Of(trace).Where(s => s.Source.Name == "Jivrus.IncidentBot").Should().ContainSingle().Which;
        turn.DisplayName.Should().Be("incidentbot.turn");
        turn.GetTagItem("incidentbot.channel").Should().Be("local");
        turn.GetTagItem("incidentbot.command").Should().Be("report");
        turn.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task TimerFireAndDeliveries_AreOneSpanEach()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var host = new TracedHost(clock);
        await host.Desk.ReportAsync(Actor.Employee("local:eve", "Eve"), new IncidentReport("Payments failing", "sev1"));
        await host.DeliverOnceAsync();
        clock.Advance(TimeSpan.FromMinutes(7.5));
        using var trace = TracedHost.StartTrace();

        var tick = await host.Services.GetRequiredService<TimerTick>().RunOnceAsync();
        var delivered = await host.DeliverOnceAsync();

        var spans = host.Of(trace.TraceId);
        tick.Fired.Should().Be(1);
        spans.Select(s => s.DisplayName).Should().Equal(
            ["incidentbot.timer.fire", .. Enumerable.Repeat("incidentbot.outbox.deliver", delivered)]);
        spans[0].GetTagItem("incidentbot.timer.kind").Should().Be("ack_reminder");
        spans[0].GetTagItem("incidentbot.timer.result").Should().Be("fired");
        delivered.Should().BeGreaterThan(0);
    }
}
