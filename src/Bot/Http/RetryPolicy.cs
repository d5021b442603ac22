using System.Net;

namespace Jivrus.IncidentBot.Bot.Http;

/// <summary>How one service's interactive calls are retried (see <see cref="InteractiveRetry"/>).</summary>
/// <param name="MaxAttempts">Attempts per call, the first included; 1 turns retrying off.</param>
/// <param name="FirstBackoff">
/// The wait before the second attempt when the service named none (no <c>Retry-After</c>); doubled for each further
/// attempt, plus up to a quarter more of jitter so replicas throttled together do not come back together.
/// </param>
/// <param name="Budget">The longest one call may take, every attempt and wait included.</param>
/// <param name="AlsoTransient">Statuses that mean "try again" for this service besides 408, 429 and 5xx (Teams: 412).</param>
internal sealed record RetryPolicy(int MaxAttempts, TimeSpan FirstBackoff, TimeSpan Budget, IReadOnlyCollection<HttpStatusCode> AlsoTransient)
{
    public RetryPolicy(int maxAttempts, TimeSpan firstBackoff, TimeSpan budget)
        : this(maxAttempts, firstBackoff, budget, [])
    {
    }

    /// <summary>
    /// The longest <c>Retry-After</c> waited for: half the budget, so the retry itself still has time. A longer one is
    /// not waited for; the answer goes back at once and the caller says "try again in a minute".
    /// </summary>
    public TimeSpan MaxRetryAfter => Budget / 2;

    /// <summary>Whether a reply with this status is worth another attempt.</summary>
    public bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status != HttpStatusCode.NotImplemented)
        || AlsoTransient.Contains(status);

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1 when the service named none.</summary>
    public TimeSpan Backoff(int failedAttempts)
    {
        var exponential = FirstBackoff * Math.Pow(2, Math.Min(failedAttempts - 1, 16));
        return exponential + (exponential * (Random.Shared.NextDouble() / 4));
    }
}
