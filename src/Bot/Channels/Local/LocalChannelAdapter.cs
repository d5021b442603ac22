using System.Collections.Concurrent;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>
/// The local page's outbound side: every outbox message becomes a post in the <see cref="LocalFeed"/>, labelled
/// with the conversation its audience stands for. Always enabled: it needs no secrets and sends nothing anywhere.
/// </summary>
public sealed class LocalChannelAdapter(LocalFeed feed, ResponsePlan plan, ChannelLedger ledger) : IChannelAdapter
{
    public const string ChannelName = "local";

    // Incident conversations already bound in the ledger by this process; binding is idempotent, this only saves round trips.
    private readonly ConcurrentDictionary<int, bool> _bound = new();

    public string Name => ChannelName;

    public bool Enabled => true;

    public async Task DeliverAsync(DeliveryRequest delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = delivery.Message;
        var conversation = LocalConversations.For(message.Audience, message.IncidentNumber, message.PersonId, plan);
        if (message.Audience == Audience.Incident && message.IncidentNumber is { } number && !_bound.ContainsKey(number))
        {
            // Commands typed "in" #inc-n may then leave the id out, as in a Slack incident channel.
            await ledger.BindConversationAsync(ChannelName, conversation, number, cancellationToken);
            _bound.TryAdd(number, true);
        }

        var card = delivery.Content.Card ?? (CarriesCard(message.Kind) && delivery.Incident is { } view ? IncidentCard.Render(view) : null);
        var kind = message.Kind == NoticeKind.CardUpdate ? LocalPostKind.Update
            : card is null ? LocalPostKind.Message
            : LocalPostKind.Card;
        var text = string.IsNullOrWhiteSpace(delivery.Content.Text) ? message.Text : delivery.Content.Text;
        // The page shows a post's text above its card; a card that only repeats it (the update nudge) says it once.
        if (card is not null && card.Summary == text)
            card = card with { Summary = null };
        feed.Add(conversation, text, card is null ? null : LocalCard.From(card), message.IncidentNumber, kind, message.Id);
    }

    /// <summary>Every incident's card is in its own conversation, #inc-n.</summary>
    public Task<string?> CardPlaceAsync(IncidentView incident, Audience digestAudience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Task.FromResult<string?>(LocalConversations.Incident(incident.Number));
    }

    private static bool CarriesCard(NoticeKind kind) => kind is NoticeKind.Card or NoticeKind.Page or NoticeKind.CardUpdate;
}
