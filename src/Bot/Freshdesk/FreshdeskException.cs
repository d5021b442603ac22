namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>A Freshdesk call failed. The message names the call and the HTTP status, never the key.</summary>
public sealed class FreshdeskException(string message, bool transient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>True when trying again later may work (429, 5xx, timeouts).</summary>
    public bool Transient { get; } = transient;

    /// <summary>How long Freshdesk asked us to wait (429 Retry-After).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
