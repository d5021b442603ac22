using System.Net;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>A Bot Connector call failed. The message names the operation and status, never a token.</summary>
internal sealed class ConnectorException(string message, HttpStatusCode? status, bool transient, TimeSpan? retryAfter = null, bool writesBlocked = false, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    public bool Transient { get; } = transient;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>403 MessageWritesBlocked: the user or team removed the bot; stop sending there.</summary>
    public bool WritesBlocked { get; } = writesBlocked;
}
