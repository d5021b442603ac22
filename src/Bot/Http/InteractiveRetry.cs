using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Jivrus.IncidentBot.Bot.Http;

/// <summary>
/// Where calls to Slack, Teams and Freshdesk are retried. Each service has two HTTP clients:
/// <list type="bullet">
/// <item>the <b>interactive</b> one, for calls a person is waiting on (a slash command's form, the answer to a button,
/// the reply to a mention, a ticket refetched for a <c>/ticket</c> command). It carries one resilience pipeline: a few
/// attempts on 408, 429, 5xx and dropped connections, honouring <c>Retry-After</c>, all inside a time budget that keeps
/// the answer within what the chat allows (Slack gives up after 3 s, Teams after 15 s);</item>
/// <item>the <b>queued</b> one, for the outbox's deliveries and the Freshdesk write-back. It sends once: those queues
/// already retry later with back-off and honour <c>Retry-After</c>, and a second retry loop inside them would hold a
/// sender for seconds and multiply the attempts.</item>
/// </list>
/// The client types are registered once per kind; callers that answer a person ask for the keyed
/// <see cref="Key"/> instance, everything else gets the queued one.
/// </summary>
internal static class InteractiveRetry
{
    /// <summary>The service key of a client type's interactive instance.</summary>
    public const string Key = "interactive";

    /// <summary>
    /// Registers <typeparamref name="TClient"/> over the queued HTTP client <paramref name="queued"/>, and under
    /// <see cref="Key"/> over the interactive one <paramref name="interactive"/>; the client's constructor takes the name.
    /// </summary>
    public static IServiceCollection AddOutboundClient<TClient>(this IServiceCollection services, string queued, string interactive)
        where TClient : class
    {
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TClient>(sp, queued));
        services.AddKeyedSingleton(Key, (sp, _) => ActivatorUtilities.CreateInstance<TClient>(sp, interactive));
        return services;
    }

    /// <summary>Adds the interactive pipeline to a client: a time budget around a bounded retry. Waits run on the host's <see cref="TimeProvider"/>.</summary>
    public static IHttpClientBuilder AddInteractiveRetry(this IHttpClientBuilder builder, Func<IServiceProvider, RetryPolicy> policyOf)
    {
        builder.AddResilienceHandler(Key, (pipeline, context) =>
        {
            var policy = policyOf(context.ServiceProvider);
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline.AddTimeout(policy.Budget);
            if (policy.MaxAttempts > 1)
                pipeline.AddRetry(Options(policy, time));
        });
        return builder;
    }

    /// <summary>True when the exception means the service gave no answer (unreachable, or out of time), not that the caller gave up.</summary>
    public static bool IsNoAnswer(Exception ex, CancellationToken ct) =>
        ex is HttpRequestException or TimeoutRejectedException || (ex is TaskCanceledException && !ct.IsCancellationRequested);

    /// <summary>How long the service asked us to wait (<c>Retry-After</c> as seconds or as a date), or null.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    internal static HttpRetryStrategyOptions Options(RetryPolicy policy, TimeProvider time) => new()
    {
        MaxRetryAttempts = policy.MaxAttempts - 1,
        ShouldRetryAfterHeader = false, // read below, with the host's clock and the budget's cap
        ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
        {
            { Exception: HttpRequestException } => true,
            { Result: { } response } => policy.IsTransient(response.StatusCode)
                && (RetryAfter(response, time) is not { } wait || wait <= policy.MaxRetryAfter),
            _ => false,
        }),
        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
            args.Outcome.Result is { } response && RetryAfter(response, time) is { } wait ? wait : policy.Backoff(args.AttemptNumber + 1)),
    };
}
