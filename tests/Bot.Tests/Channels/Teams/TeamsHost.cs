using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Channels.Teams;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

/// <summary>The whole host (<see cref="BotHost"/>) with Teams on and <see cref="FakeBotFramework"/> behind every Teams HTTP call.</summary>
internal sealed class TeamsHost : BotHost
{
    public const string AppId = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

    public TeamsHost(params (string Key, string Value)[] settings)
        : this(null, settings)
    {
    }

    /// <summary>A host on a fake clock when <paramref name="time"/> is given; tokens are then issued at its time.</summary>
    public TeamsHost(FakeTimeProvider? time, params (string Key, string Value)[] settings)
        : base("teams", time, settings:
        [
            ("Teams:AppId", AppId),
            ("Teams:AppPassword", "test-password"),
            ("Teams:OpenIdMetadataUrl", FakeBotFramework.MetadataUrl),
            ("Teams:TokenEndpoint", FakeBotFramework.TokenUrl),
            .. settings,
        ]) => Time = time;

    public FakeBotFramework Fake { get; } = new();

    /// <summary>The host's clock when it runs on a fake one; null on the system clock.</summary>
    public FakeTimeProvider? Time { get; }

    public ChannelLedger Ledger => Services.GetRequiredService<ChannelLedger>();

    /// <summary>The neutral messages the dispatcher handed every channel, in order.</summary>
    public RecordingAdapter Posts { get; } = new();

    protected override void ReplaceServices(IServiceCollection services)
    {
        Route(services, Fake.Handler, TeamsTokenValidator.HttpClientName, ConnectorTokenProvider.HttpClientName,
            BotConnectorClient.HttpClientName, BotConnectorClient.InteractiveHttpClientName);
        services.AddSingleton<IChannelAdapter>(Posts);
    }

    /// <summary>Posts an activity with a valid token, or with the token <paramref name="token"/> describes; null sends no header.</summary>
    public Task<HttpResponseMessage> SendAsync(JsonObject activity, TokenSpec? token) => SendAsync(activity, token is null ? null : Fake.Keys.Token(token));

    public Task<HttpResponseMessage> SendAsync(JsonObject activity) =>
        SendAsync(activity, new TokenSpec(AppId, Shift: Time is null ? TimeSpan.Zero : Time.GetUtcNow() - DateTimeOffset.UtcNow));

    public Task<HttpResponseMessage> SendAsync(JsonObject activity, string? bearer) =>
        SendAsync(new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), bearer);

    /// <summary>Posts a body as it is, with a valid token.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpContent content) =>
        SendAsync(content, Fake.Keys.Token(new TokenSpec(AppId, Shift: Time is null ? TimeSpan.Zero : Time.GetUtcNow() - DateTimeOffset.UtcNow)));

    private async Task<HttpResponseMessage> SendAsync(HttpContent content, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await CreateClient().SendAsync(request);
    }

    /// <summary>Delivers everything waiting in the outbox, as the background loop would.</summary>
    public Task<int> DeliverOutboxAsync() => DeliverOnceAsync();
}
