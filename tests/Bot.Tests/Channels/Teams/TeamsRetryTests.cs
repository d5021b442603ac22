using System.Net;
using Jivrus.IncidentBot.Bot.Channels.Teams;
using Jivrus.IncidentBot.Bot.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

/// <summary>
/// The connector client exists twice: the outbox's sends once and hands a throttled send back with its Retry-After
/// (the outbox retries later); the one that answers a person retries inside the call.
/// </summary>
public sealed class TeamsRetryTests : IAsyncDisposable
{
    private readonly TeamsHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task OutboxSend_Throttled_IsHandedBackWithItsRetryAfterWithoutARetry()
    {
        var connector = _host.Services.GetRequiredService<BotConnectorClient>();
        _host.Fake.Answer(HttpStatusCode.TooManyRequests);

        var send = () => connector.PostAsync(FakeBotFramework.ServiceUrl, Activities.Announce, TeamsActivities.Message("Checkout is down"), CancellationToken.None);

        var failure = (await send.Should().ThrowAsync<ConnectorException>()).Which;
        failure.Transient.Should().BeTrue();
        failure.RetryAfter.Should().Be(TimeSpan.Zero);
        _host.Fake.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task InteractiveSend_ThrottledTwice_IsRetriedUntilAccepted()
    {
        var connector = _host.Services.GetRequiredKeyedService<BotConnectorClient>(InteractiveRetry.Key);
        _host.Fake.Answer(HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed);

        var id = await connector.PostAsync(FakeBotFramework.ServiceUrl, Activities.Announce, TeamsActivities.Message("Checkout is down"), CancellationToken.None);

        id.Should().NotBeEmpty();
        _host.Fake.Calls.Select(c => c.Status).Should().Equal(HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.OK);
    }

    [Fact]
    public async Task InteractiveSend_BadRequest_IsNotRetried()
    {
        var connector = _host.Services.GetRequiredKeyedService<BotConnectorClient>(InteractiveRetry.Key);
        _host.Fake.Answer(HttpStatusCode.BadRequest);

        var send = () => connector.PostAsync(FakeBotFramework.ServiceUrl, Activities.Announce, TeamsActivities.Message("Checkout is down"), CancellationToken.None);

        (await send.Should().ThrowAsync<ConnectorException>()).Which.Transient.Should().BeFalse();
        _host.Fake.Calls.Should().ContainSingle();
    }
}
