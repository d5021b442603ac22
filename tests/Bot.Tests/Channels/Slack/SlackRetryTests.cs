using System.Net;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

public sealed class SlackRetryTests : IAsyncLifetime
{
    private readonly SlackHost _host = new();

    public async Task InitializeAsync() => await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev2");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RateLimitedThenOk_PostsOnce()
    {
        _host.Slack.Next("chat.postMessage", () => FakeSlackApi.Status(HttpStatusCode.TooManyRequests, retryAfterSeconds: 1));

        await _host.FlushAsync();

        AnsweredOnceThenPostedOnceEverywhere();
    }

    [Fact]
    public async Task ServerErrorThenOk_PostsOnce()
    {
        _host.Slack.Next("chat.postMessage", () => FakeSlackApi.Status(HttpStatusCode.InternalServerError));

        await _host.FlushAsync();

        AnsweredOnceThenPostedOnceEverywhere();
    }

    [Fact]
    public async Task IncidentChannelNameTaken_TriesTheNextSuffix()
    {
        _host.Slack.NextError("conversations.create", "name_taken");

        await _host.FlushAsync();

        _host.Slack.Succeeded("conversations.create").Should().ContainSingle()
            .Which.Body["name"]!.GetValue<string>().Should().Be("inc-1-checkout-is-down-2");
    }

    [Fact]
    public async Task EveryCall_CarriesTheBotToken()
    {
        await _host.FlushAsync();

        _host.Slack.Calls.Should().NotBeEmpty().And.OnlyContain(c => c.Authorization == $"Bearer {SlackHost.Token}");
    }

    /// <summary>
    /// The dispatcher sends to several conversations in parallel, so which one meets the scripted failure varies;
    /// what must hold is one refused attempt and exactly one post in every conversation.
    /// </summary>
    private void AnsweredOnceThenPostedOnceEverywhere()
    {
        var posts = _host.Slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        posts.Count(c => !c.Ok).Should().Be(1);
        posts.Where(c => c.Ok).GroupBy(c => c.Channel).Should().OnlyContain(g => g.Count() == 1);
        posts.Where(c => c.Ok).Select(c => c.Channel).Should().Contain("C0INCIDENTS");
    }
}
