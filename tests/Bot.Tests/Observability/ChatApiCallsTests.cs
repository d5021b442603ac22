using System.Net;
using System.Text;
using Jivrus.IncidentBot.Bot.Channels.Slack;
using Jivrus.IncidentBot.Bot.Observability;
using Jivrus.IncidentBot.Bot.Tests.Channels.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary>Calls to the chat APIs counted by service and result, each attempt on the wire once.</summary>
public sealed class ChatApiCallsTests
{
    [Fact]
    public async Task SlackCalls_AreCountedOkErrorOrRateLimited()
    {
        await using var host = new SlackHost();
        using var metrics = MeterCapture.Of(host);
        host.Slack.Next("chat.postMessage", () => FakeSlackApi.Status(HttpStatusCode.TooManyRequests, retryAfterSeconds: 30));
        host.Slack.NextError("chat.postMessage", "ratelimited");
        host.Slack.NextError("chat.postMessage", "channel_not_found");
        host.Slack.Next("chat.postMessage", () => FakeSlackApi.Status(HttpStatusCode.InternalServerError));
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(SlackApiClient.HttpClientName);

        for (var i = 0; i < 5; i++)
            (await client.PostAsync(new Uri(SlackHost.ApiBase + "chat.postMessage"), new StringContent("{\"channel\":\"C1\",\"text\":\"hi\"}", Encoding.UTF8, "application/json"))).Dispose();

        metrics.Of("incidentbot_chat_api_calls").Should().Equal(
            "1 result=rate_limited,service=slack",
            "1 result=rate_limited,service=slack",
            "1 result=error,service=slack",
            "1 result=error,service=slack",
            "1 result=ok,service=slack");
    }

    [Fact]
    public async Task InteractiveSlackCall_RetriedAfterA429_CountsEachAttempt()
    {
        await using var host = new SlackHost();
        using var metrics = MeterCapture.Of(host);
        host.Slack.Next("chat.postEphemeral", () => FakeSlackApi.Status(HttpStatusCode.TooManyRequests, retryAfterSeconds: 0));
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(SlackApiClient.InteractiveHttpClientName);

        using var response = await client.PostAsync(new Uri(SlackHost.ApiBase + "chat.postEphemeral"), new StringContent("{}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        metrics.Of("incidentbot_chat_api_calls").Should().Equal("1 result=rate_limited,service=slack", "1 result=ok,service=slack");
    }

    [Theory]
    [InlineData("slack", "slack")]
    [InlineData("slack-interactive", "slack")]
    [InlineData("teams-connector", "teams")]
    [InlineData("teams-token", "teams")]
    [InlineData("teams-openid", "teams")]
    [InlineData("freshdesk-interactive", "freshdesk")]
    [InlineData("", null)]
    [InlineData("other", null)]
    public void ServiceOf_NamesTheChatServiceOfAClient(string client, string? service) =>
        ChatApiCallFilter.ServiceOf(client).Should().Be(service);
}
