namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// A Web API call failed: Slack said <c>ok:false</c>, rate-limited us for longer than we wait inline,
/// or kept failing. Carries the method and Slack's error code, never the token or the request body.
/// </summary>
internal sealed class SlackApiException(string method, string error, bool transient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"Slack {method} failed: {error}", inner)
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    public bool Transient { get; } = transient;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
