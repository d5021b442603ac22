using System.Net;
using Jivrus.IncidentBot.Bot.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace Jivrus.IncidentBot.Bot.Tests.Http;

/// <summary>
/// The one retry pipeline of calls a person waits on, on a fake clock: the service answers at once, so each
/// wait the pipeline starts is registered before the call returns and the test moves time past it.
/// </summary>
public sealed class InteractiveRetryTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly ScriptedService _service;
    private readonly ServiceProvider _services;
    private readonly DateTimeOffset _start;

    public InteractiveRetryTests()
    {
        _service = new ScriptedService(_time);
        _start = _time.GetUtcNow();
        _services = Client(new RetryPolicy(3, FirstBackoff, Budget));
    }

    public void Dispose() => _services.Dispose();

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Refused_WithRetryAfter_IsRetriedAfterThatDelayAndSucceeds(HttpStatusCode status)
    {
        _service.Then(status, retryAfter: TimeSpan.FromSeconds(2));

        var call = Send();
        _time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1));
        var beforeTheDelay = _service.Seen.Count;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await call;

        beforeTheDelay.Should().Be(1);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _service.Seen.Should().Equal(_start, _start + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ServerError_IsRetriedAfterTheFirstBackoff()
    {
        _service.Then(HttpStatusCode.InternalServerError);

        var call = Send();
        _time.Advance(FirstBackoff - TimeSpan.FromMilliseconds(1));
        var beforeTheBackoff = _service.Seen.Count;
        _time.Advance(FirstBackoff / 4 + TimeSpan.FromMilliseconds(1)); // the backoff's jitter adds up to a quarter
        using var response = await call;

        beforeTheBackoff.Should().Be(1);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _service.Seen.Should().HaveCount(2);
    }

    [Fact]
    public async Task BadRequest_IsNotRetried()
    {
        _service.Then(HttpStatusCode.BadRequest);

        using var response = await Send();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        _service.Seen.Should().HaveCount(1);
    }

    [Fact]
    public async Task ServerErrorEveryTime_StopsAfterMaxAttemptsWithTheLastAnswer()
    {
        using var services = Client(new RetryPolicy(3, TimeSpan.Zero, Budget));
        _service.Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.OK);

        using var response = await Send(services);

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        _service.Seen.Should().HaveCount(3);
    }

    [Fact]
    public async Task DroppedConnection_IsRetried()
    {
        using var services = Client(new RetryPolicy(3, TimeSpan.Zero, Budget));
        _service.ThenDrop();

        using var response = await Send(services);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _service.Seen.Should().HaveCount(2);
    }

    [Fact]
    public async Task RetryAfterLongerThanHalfTheBudget_IsHandedBackAtOnce()
    {
        _service.Then(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(30));

        using var response = await Send();

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(30));
        _service.Seen.Should().HaveCount(1);
    }

    [Fact]
    public async Task ServiceThatNeverAnswers_IsCutOffAtTheBudget()
    {
        using var services = Client(new RetryPolicy(3, FirstBackoff, Budget), new SilentService());

        var call = Send(services);
        _time.Advance(Budget - TimeSpan.FromMilliseconds(1));
        var beforeTheBudget = call.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));

        beforeTheBudget.Should().BeFalse();
        await call.Awaiting(c => c).Should().ThrowAsync<TimeoutRejectedException>();
    }

    [Fact]
    public async Task OneAttempt_IsNotRetried()
    {
        using var services = Client(new RetryPolicy(1, TimeSpan.Zero, Budget));
        _service.Then(HttpStatusCode.ServiceUnavailable);

        using var response = await Send(services);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        _service.Seen.Should().HaveCount(1);
    }

    private Task<HttpResponseMessage> Send(ServiceProvider? services = null) =>
        (services ?? _services).GetRequiredService<IHttpClientFactory>().CreateClient("remote").GetAsync(new Uri("http://remote.test/thing"));

    private ServiceProvider Client(RetryPolicy policy, HttpMessageHandler? handler = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddHttpClient("remote")
            .ConfigurePrimaryHttpMessageHandler(() => handler ?? _service)
            .AddInteractiveRetry(_ => policy);
        return services.BuildServiceProvider();
    }

    /// <summary>A service that takes the call and never answers.</summary>
    private sealed class SilentService : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
