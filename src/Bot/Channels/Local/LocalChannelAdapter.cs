using System.Collections.Concurrent;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Hosting;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>
/// The local page's outbound side: every outbox message becomes a post in the <see cref="LocalFeed"/>, labelled
/// with the conversation its audience stands for. Enabled while the page is on (<see cref="LocalChatOptions"/>): it needs
/// no secrets and sends nothing anywhere, but posts nobody can read would only take memory.
/// </summary>
public sealed class LocalChannelAdapter(LocalFeed feed, ResponsePlan plan, ChannelLedger ledger, IOptions<LocalChatOptions> options, IConfiguration configuration)
    : IChannelAdapter
{
    public const string ChannelName = "local";

    // Incident conversations already bound in the ledger by this process; binding is idempotent, this only saves round trips.
    private readonly ConcurrentDictionary<int, bool> _bound = new();

    public string Name => ChannelName;

    private readonly bool _on = options.Value.IsOn(ChannelStatus.From(configuration));

    public bool Enabled => _on;

    public async Task DeliverAsync(DeliveryRequest delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = delivery.Message;
        // The local page has no user groups to keep in step with a rotation.
        if (message.Kind == NoticeKind.OnCallGroup)
            return;
        var conversation = LocalConversations.For(message.Audience, message.IncidentNumber, message.PersonId, plan);
        if (message.Audience == Audience.Incident && message.IncidentNumber is { } number && !_bound.ContainsKey(number))
        {
            // Commands typed "in" #inc-n may then leave the id out, as in a Slack incident channel.
            await ledger.BindConversationAsync(ChannelName, conversation, number, cancellationToken);
            _bound.TryAdd(number, true);
        }

        var content = delivery.Content;
        var kind = message.Kind == NoticeKind.CardUpdate ? LocalPostKind.Update
            : content.Card is null ? LocalPostKind.Message
            : LocalPostKind.Card;
        feed.Add(conversation, content.Text, LocalCard.Under(content), message.IncidentNumber, kind, message.Id, LocalCard.ButtonsOf(content.Buttons));
    }

    /// <summary>Every incident's card is in its own conversation, #inc-n.</summary>
    public Task<string?> CardPlaceAsync(IncidentView incident, Audience digestAudience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Task.FromResult<string?>(LocalConversations.Incident(incident.Number));
    }
}
