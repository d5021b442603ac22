using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

/// <summary>
/// Outbox posts are sent once per round and retried by the outbox after Slack's Retry-After or its back-off; a reply a
/// person waits on is retried inside the call, within Slack:CallBudget.
/// </summary>
public sealed class SlackRetryTests : IAsyncLifetime
{
    private readonly SlackHost _host = new(new FakeTimeProvider(DateTimeOffset.UtcNow));

    public async Task InitializeAsync() => await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev2");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RateLimitedThenOk_PostsOnceAfterRetryAfter()
    {
        _host.Slack.Next("chat.postMessage", () => FakeSlackApi.Status(HttpStatusCode.TooManyRequests, retryAfterSeconds: 3));

        await _host.FlushAsync();
        var refusedConversationPostedEarly = RefusedConversationPosted();
        _host.Time!.Advance(TimeSpan.FromSeconds(3));
        await _host.FlushAsync();

        refusedConversationPostedEarly.Should().BeFalse();
        AnsweredOnceThenPostedOnceEverywhere();
    }

    [Fact]
    public async Task ServerErrorThenOk_PostsOnceAfterTheOutboxBackoff()
    {
        _host.Slack.Next("chat.postMessage", () => FakeSlackApi.Status(HttpStatusCode.InternalServerError));

        await _host.FlushAsync();
        var refusedConversationPostedEarly = RefusedConversationPosted();
        _host.Time!.Advance(TimeSpan.FromSeconds(2)); // Delivery:FirstBackoff
        await _host.FlushAsync();

        refusedConversationPostedEarly.Should().BeFalse();
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

    [Fact]
    public async Task MentionReply_ServerErrorOnce_IsRetriedWithinTheCall()
    {
        await using var host = new SlackHost();
        host.Slack.Next("chat.postMessage", () => FakeSlackApi.Status(HttpStatusCode.InternalServerError));

        await host.EventAsync(Mention("<@UBOT> incident help"));

        var replies = host.Slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        replies.Select(c => c.Ok).Should().Equal(false, true);
        replies[1].Channel.Should().Be("C0GENERAL");
    }

    [Fact]
    public async Task MentionReply_RateLimitedLongerThanTheBudget_IsNotWaitedFor()
    {
        await using var host = new SlackHost();
        host.Slack.Next("chat.postMessage", () => FakeSlackApi.Status(HttpStatusCode.TooManyRequests, retryAfterSeconds: 30));

        var response = await host.EventAsync(Mention("<@UBOT> incident help"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Slack.Calls.Where(c => c.Method == "chat.postMessage").Select(c => c.Ok).Should().Equal(false);
    }

    /// <summary>Whether the conversation whose post Slack refused already got a post (a retry inside the call would have made one).</summary>
    private bool RefusedConversationPosted()
    {
        var posts = _host.Slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        var refused = posts.Single(c => !c.Ok);
        return posts.Any(c => c.Ok && c.Channel == refused.Channel);
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

    private static JsonObject Mention(string text) => new()
    {
        ["type"] = "event_callback",
        ["event_id"] = "EvRetry",
        ["team_id"] = "T1",
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0EMP", ["text"] = text, ["channel"] = "C0GENERAL", ["ts"] = "1700000100.000100" },
    };
}
