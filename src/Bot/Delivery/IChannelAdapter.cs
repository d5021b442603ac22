using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Delivery;

/// <summary>
/// A chat system's outbound side. The dispatcher hands it each outbox message once per channel, in order
/// per conversation; the adapter picks the conversation(s) for the audience, renders and sends.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>Short lowercase name: <c>slack</c>, <c>teams</c>, <c>local</c>. Used in the delivery ledger.</summary>
    string Name { get; }

    /// <summary>False when the channel's secrets are missing; the dispatcher then skips it.</summary>
    bool Enabled { get; }

    /// <summary>
    /// Delivers one message. Throw <see cref="DeliveryException"/> for failures: transient ones are retried
    /// (after <see cref="DeliveryException.RetryAfter"/> when the channel said so), permanent ones are logged and dropped.
    /// Must be safe to call again for a message it already delivered before a crash (update a card rather than post it twice).
    /// </summary>
    Task DeliverAsync(DeliveryRequest delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Where a person finds the incident's live card, with its buttons, in this chat: words for a storm digest
    /// posted to <paramref name="digestAudience"/> ("#inc-7-checkout-down", "this channel"). Null when the card
    /// has no shared place here; the digest then points to <c>/incident show</c>.
    /// </summary>
    Task<string?> CardPlaceAsync(IncidentView incident, Audience digestAudience, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}

/// <summary>An outbox message with what the channel needs to render it.</summary>
/// <param name="Message">The stored notice (kind, audience, person): where it goes and how it is posted.</param>
/// <param name="Incident">The incident as it stands now, when the message belongs to one: where its places are, never what to say.</param>
/// <param name="Content">What people see, built once in Messages/ (see <see cref="NoticeMessages"/>); the channel only renders it.</param>
/// <param name="LiveCard">The incident's live card, for a channel that must first post it as the root of the incident's conversation.</param>
public sealed record DeliveryRequest(OutboxMessage Message, IncidentView? Incident, OutgoingMessage Content, Card? LiveCard = null);

/// <summary>A delivery failed.</summary>
public sealed class DeliveryException(string message, bool transient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Transient { get; } = transient;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
