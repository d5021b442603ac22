using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack.SocketMode;

/// <summary>
/// The bot against a fake Socket Mode server: envelopes in over a real WebSocket, acknowledgements out, the same
/// handlers behind them as the HTTP endpoints, and connections that come back after Slack refreshes or loses them.
/// </summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private const string ReportAnswer =
        """{"response_type":"ephemeral","text":"INC-1 reported: Checkout is down. Filed as sev1 (Critical), as chosen. Not right? /incident sev INC-1 &lt;sev1..sev4&gt;"}""";

    private FakeSocketModeServer _server = null!;
    private SlackHost _host = null!;
    private FakeSocket _first = null!;
    private FakeSocket _second = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeSocketModeServer.StartAsync();
        _host = SlackHost.SocketMode();
        _host.Slack.SocketUrl = _server.NextUrl;
        _ = _host.Services;
        _first = await _server.NextConnectionAsync();
        _second = await _server.NextConnectionAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Start_OpensTwoConnectionsWithTheAppToken()
    {
        var opens = _host.Slack.Succeeded("apps.connections.open");

        opens.Select(o => o.Authorization).Should().Equal($"Bearer {SlackHost.AppToken}", $"Bearer {SlackHost.AppToken}");
        _first.Closed.IsCompleted.Should().BeFalse();
        _second.Closed.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task SlashCommand_IsAcknowledgedWithTheReplyAsPayload()
    {
        await _first.SendAsync(Envelopes.Command("env-1", "report Checkout is down sev1 impact: no orders"));

        (await _first.ReceiveAsync()).Should().Be($$$"""{"envelope_id":"env-1","payload":{{{ReportAnswer}}}}""");
        (await _host.OpenIncidentsAsync()).Should().ContainSingle().Which.Title.Should().Be("Checkout is down");
    }

    [Fact]
    public async Task Button_IsAcknowledgedAndActsLikeOverHttp()
    {
        await _first.SendAsync(Envelopes.Command("env-1", "report Checkout is down sev2"));
        await _first.ReceiveAsync();

        await _second.SendAsync(Envelopes.Button("env-2", "U01ANA", ActionIds.Acknowledge, "INC-1"));

        (await _second.ReceiveAsync()).Should().Be("""{"envelope_id":"env-2"}""");
        (await _host.IncidentAsync(1)).State.Should().Be(IncidentState.Acknowledged);
        _host.Slack.Succeeded("response_url").Should().ContainSingle().Which.Text.Should().Be("Ana acknowledged INC-1.");
    }

    [Fact]
    public async Task BareReport_OpensTheFormAndIsAcknowledgedWithoutPayload()
    {
        await _first.SendAsync(Envelopes.Command("env-9", "report"));

        (await _first.ReceiveAsync()).Should().Be("""{"envelope_id":"env-9"}""");
        _host.Slack.Succeeded("views.open").Should().ContainSingle().Which.Body["trigger_id"]!.GetValue<string>().Should().Be("trigger-1");
    }

    [Fact]
    public async Task FormWithoutTitle_IsAcknowledgedWithTheErrorsAsPayload()
    {
        await _first.SendAsync(Envelopes.ReportWithoutTitle("env-10"));

        (await _first.ReceiveAsync()).Should().Be("""{"envelope_id":"env-10","payload":{"response_action":"errors","errors":{"title":"Give the incident a title."}}}""");
        (await _host.OpenIncidentsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task AppMention_IsAcknowledgedThenAnsweredInItsThread()
    {
        await _first.SendAsync(Envelopes.Mention("env-3", "Ev1", "<@UBOT> incident report Search is down sev2"));

        (await _first.ReceiveAsync()).Should().Be("""{"envelope_id":"env-3"}""");
        var answer = await _host.Slack.WaitForAsync("chat.postMessage");
        answer.Body["thread_ts"]!.GetValue<string>().Should().Be("1700000100.000100");
        (await _host.OpenIncidentsAsync()).Should().ContainSingle().Which.Title.Should().Be("Search is down");
    }

    [Fact]
    public async Task Disconnect_OpensTheReplacementBeforeClosingTheOldConnection()
    {
        await _first.DisconnectAsync("refresh_requested");

        var third = await _server.NextConnectionAsync();
        await _first.Closed.WaitAsync(FakeSocketModeServer.Timeout);

        var history = _server.History.ToList();
        history.IndexOf($"open {third.Ticket}").Should().BeLessThan(history.IndexOf($"close {_first.Ticket}"));
        _second.Closed.IsCompleted.Should().BeFalse();
        _host.Slack.Succeeded("apps.connections.open").Should().HaveCount(3);
    }

    [Fact]
    public async Task DroppedSocket_IsReplacedAndTheNewOneCarriesEnvelopes()
    {
        _first.Drop();

        var third = await _server.NextConnectionAsync();
        await third.SendAsync(Envelopes.Command("env-4", "report Checkout is down sev1 impact: no orders"));

        (await third.ReceiveAsync()).Should().Be($$$"""{"envelope_id":"env-4","payload":{{{ReportAnswer}}}}""");
        _second.Closed.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task SameEnvelopeAfterReconnect_IsAcknowledgedWithTheFirstReplyButHandledOnce()
    {
        var command = Envelopes.Command("env-5", "report Checkout is down sev1 impact: no orders");
        await _first.SendAsync(command);
        await _first.ReceiveAsync();
        await _host.FlushAsync();
        var posts = _host.Posts.Deliveries.Count;
        _first.Drop();
        var third = await _server.NextConnectionAsync();
        command["retry_attempt"] = 1;
        command["retry_reason"] = "timeout";

        await third.SendAsync(command);

        (await third.ReceiveAsync()).Should().Be($$$"""{"envelope_id":"env-5","payload":{{{ReportAnswer}}}}""");
        await _host.FlushAsync();
        (await _host.OpenIncidentsAsync()).Should().ContainSingle();
        _host.Posts.Deliveries.Should().HaveCount(posts);
    }

    [Fact]
    public async Task RetriedEvent_InANewEnvelope_IsHandledOnce()
    {
        await _first.SendAsync(Envelopes.Mention("env-6", "Ev2", "<@UBOT> incident report Search is down sev2"));
        await _first.ReceiveAsync();
        await _host.Slack.WaitForAsync("chat.postMessage");

        await _second.SendAsync(Envelopes.Mention("env-7", "Ev2", "<@UBOT> incident report Search is down sev2", retryAttempt: 1));

        (await _second.ReceiveAsync()).Should().Be("""{"envelope_id":"env-7"}""");
        await _host.Logs!.WaitForAsync(line => line == "Debug: Slack event Ev2 already handled (retry 1)");
        (await _host.OpenIncidentsAsync()).Should().ContainSingle();
        _host.Slack.Succeeded("chat.postMessage").Should().ContainSingle();
    }
}
