using System.Net;
using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

public sealed class SlackEventsTests : IAsyncLifetime
{
    private readonly SlackHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UrlVerification_EchoesTheChallenge()
    {
        var response = await _host.EventAsync(new JsonObject { ["type"] = "url_verification", ["challenge"] = "3eZbrw1aB" });

        (await response.Content.ReadAsStringAsync()).Should().Be("3eZbrw1aB");
    }

    [Fact]
    public async Task AppMention_IsUnderstoodAsACommandAndAnsweredInThread()
    {
        await _host.EventAsync(Mention("Ev1", "<@UBOT> incident report Search is down sev2"));

        (await _host.OpenIncidentsAsync()).Should().ContainSingle().Which.Title.Should().Be("Search is down");
        var answer = _host.Slack.Succeeded("chat.postMessage").Should().ContainSingle().Subject;
        answer.Body["thread_ts"]!.GetValue<string>().Should().Be("1700000100.000100");
        answer.Text.Should().Contain("INC-1");
    }

    [Fact]
    public async Task SameEventIdTwice_TakesEffectOnce()
    {
        await _host.EventAsync(Mention("Ev2", "<@UBOT> incident report Search is down sev2"));

        var retry = await _host.EventAsync(Mention("Ev2", "<@UBOT> incident report Search is down sev2"), retry: 1);

        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _host.OpenIncidentsAsync()).Should().ContainSingle();
        _host.Slack.Succeeded("chat.postMessage").Should().ContainSingle();
    }

    [Fact]
    public async Task DirectMessageFromABot_IsIgnored()
    {
        var envelope = Mention("Ev3", "incident report Loop sev2");
        envelope["event"]!["type"] = "message";
        envelope["event"]!["channel_type"] = "im";
        envelope["event"]!["bot_id"] = "B1";

        await _host.EventAsync(envelope);

        (await _host.OpenIncidentsAsync()).Should().BeEmpty();
    }

    private static JsonObject Mention(string eventId, string text) => new()
    {
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["team_id"] = "T1",
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0EMP", ["text"] = text, ["channel"] = "C0GENERAL", ["ts"] = "1700000100.000100" },
    };
}
