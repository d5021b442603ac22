using System.Globalization;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// Teams' outbound side. The incident card goes to the announce channel and its thread is the incident's
/// conversation; pages go to 1:1 chats. Every card post is recorded, so later changes update it in place
/// (PUT) and a retried delivery finds the card it already posted instead of posting it twice.
/// </summary>
internal sealed class TeamsChannelAdapter(
    IOptions<TeamsOptions> options,
    BotConnectorClient connector,
    TeamsTargets targets,
    TeamsUnreachable unreachable,
    ChannelLedger ledger,
    ILogger<TeamsChannelAdapter> log) : IChannelAdapter
{
    private const string CardPurpose = "card";

    public string Name => TeamsIds.Channel;

    public bool Enabled => options.Value.Enabled;

    public async Task DeliverAsync(DeliveryRequest delivery, CancellationToken cancellationToken)
    {
        // The dispatcher runs one incident's deliveries one at a time (see OutboxDispatcher).
        // Teams has no user groups to keep in step with a rotation.
        if (delivery.Message.Kind == NoticeKind.OnCallGroup)
            return;
        try
        {
            await DeliverCoreAsync(delivery, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            throw new DeliveryException($"Teams: {ex.Message}", ex.Transient, ex.RetryAfter, ex);
        }
    }

    /// <summary>The card is the root of the incident's thread in the announce channel.</summary>
    public Task<string?> CardPlaceAsync(IncidentView incident, Audience digestAudience, CancellationToken cancellationToken) =>
        Task.FromResult(!targets.HasAnnounce ? null
            : digestAudience == Audience.Announce ? "this channel" : "the announce channel");

    private async Task DeliverCoreAsync(DeliveryRequest delivery, CancellationToken ct)
    {
        var message = delivery.Message;
        var incident = delivery.Incident;
        var content = delivery.Content;
        if (message.Kind == NoticeKind.CardUpdate && incident is not null && content.Card is not null)
        {
            await UpdateCardsAsync(incident, content, ct);
            return;
        }

        // A drill's thread would sit in the announce channel, which a drill must leave alone: it goes to its people too.
        if (message.Audience == Audience.Incident && incident is { IsPrivate: true } or { IsDrill: true })
        {
            await DeliverToMembersAsync(message, incident, content, ct);
            return;
        }

        if (await targets.ForAsync(message, ct) is not { } target)
        {
            log.LogDebug("No Teams conversation for {Audience}; outbox message {Id} skipped", message.Audience, message.Id);
            return;
        }

        if (message.Audience == Audience.Incident && incident is not null && delivery.LiveCard is { } live)
        {
            // Teams has no channel per incident: the thread under the announce card is the incident's conversation.
            var root = await AnnounceCardAsync(target, incident, content with { Card = live, Buttons = [] }, ct);
            if (message.Kind != NoticeKind.Card)
                await SendAsync(target, () => connector.ReplyAsync(target.ServiceUrl, target.ConversationId, root, AdaptiveCardRenderer.Message(content), ct));
            return;
        }

        if (message.Kind is NoticeKind.Card or NoticeKind.Page && incident is not null && content.Card is not null)
        {
            var marker = message.Kind == NoticeKind.Page ? $"page:{message.Id.ToString(CultureInfo.InvariantCulture)}" : CardPurpose;
            await PostCardAsync(target, incident, content, marker, ct);
            return;
        }

        await SendAsync(target, () => connector.PostAsync(target.ServiceUrl, target.ConversationId, AdaptiveCardRenderer.Message(content), ct));
    }

    /// <summary>
    /// Teams has no private channel per incident, and the announce thread is seen by everyone: a private incident's
    /// (or a drill's) conversation is each member's 1:1 chat. Every post is recorded per chat, so a retry after one member failed
    /// sends nothing twice to the others.
    /// </summary>
    private async Task DeliverToMembersAsync(OutboxMessage message, IncidentView incident, OutgoingMessage content, CancellationToken ct)
    {
        var marker = $"private:{message.Id.ToString(CultureInfo.InvariantCulture)}";
        foreach (var member in incident.Members)
        {
            // The people paged get the card with their page; a second copy beside it would only be noise.
            if (message.Kind == NoticeKind.Card && incident.Paged.Any(p => p.Id == member.Id))
                continue;
            if (await targets.PersonAsync(member.Id, ct) is not { } target)
                continue;
            if (message.Kind == NoticeKind.Card && content.Card is not null)
            {
                await PostCardAsync(target, incident, content, CardPurpose, ct);
                continue;
            }

            if ((await ledger.PostsOfAsync(incident.Number, Name, marker, ct)).Any(p => p.ConversationId == target.ConversationId))
                continue;
            var id = await SendAsync(target, () => connector.PostAsync(target.ServiceUrl, target.ConversationId, AdaptiveCardRenderer.Message(content), ct));
            await ledger.RecordPostAsync(Name, target.ConversationId, id, incident.Number, marker, ct);
        }
    }

    /// <param name="card">The sentence and the live card, posted as the thread's root when it is not there yet.</param>
    private async Task<string> AnnounceCardAsync(TeamsTarget announce, IncidentView incident, OutgoingMessage card, CancellationToken ct)
    {
        var posted = (await ledger.PostsOfAsync(incident.Number, Name, CardPurpose, ct)).FirstOrDefault(p => p.ConversationId == announce.ConversationId);
        var root = posted?.MessageId ?? await PostCardAsync(announce, incident, card, CardPurpose, ct);
        await ledger.BindConversationAsync(Name, $"{announce.ConversationId}/{root}", incident.Number, ct);
        return root;
    }

    /// <param name="marker">
    /// <c>card</c>, or for pages <c>page:{outbox id}</c>: a person paged again gets a fresh, notifying post,
    /// while a retry of the same page still finds the first one.
    /// </param>
    private async Task<string> PostCardAsync(TeamsTarget target, IncidentView incident, OutgoingMessage content, string marker, CancellationToken ct)
    {
        var activity = AdaptiveCardRenderer.Message(content);
        var posted = (await ledger.PostsOfAsync(incident.Number, Name, marker, ct)).FirstOrDefault(p => p.ConversationId == target.ConversationId);
        if (posted is not null)
        {
            await SendAsync(target, async () =>
            {
                await connector.UpdateAsync(target.ServiceUrl, target.ConversationId, posted.MessageId, activity, ct);
                return posted.MessageId;
            });
            return posted.MessageId;
        }

        var id = await SendAsync(target, () => connector.PostAsync(target.ServiceUrl, target.ConversationId, activity, ct));
        await ledger.RecordPostAsync(Name, target.ConversationId, id, incident.Number, CardPurpose, ct);
        if (marker != CardPurpose)
            await ledger.RecordPostAsync(Name, target.ConversationId, id, incident.Number, marker, ct);
        return id;
    }

    private async Task UpdateCardsAsync(IncidentView incident, OutgoingMessage content, CancellationToken ct)
    {
        foreach (var post in await ledger.PostsOfAsync(incident.Number, Name, CardPurpose, ct))
        {
            if (await targets.OfConversationAsync(post.ConversationId, ct) is not { } target)
                continue;
            var activity = AdaptiveCardRenderer.Message(content);
            try
            {
                await SendAsync(target, async () =>
                {
                    await connector.UpdateAsync(target.ServiceUrl, target.ConversationId, post.MessageId, activity, ct);
                    return post.MessageId;
                });
            }
            catch (DeliveryException ex) when (!ex.Transient)
            {
                // One deleted card or removed chat must not keep the other cards stale.
                log.LogWarning("Card of {Incident} not updated in one Teams conversation: {Error}", incident.Id, ex.Message);
            }
        }
    }

    private async Task<string> SendAsync(TeamsTarget target, Func<Task<string>> send)
    {
        try
        {
            return await send();
        }
        catch (ConnectorException ex) when (ex.WritesBlocked)
        {
            throw await unreachable.MarkAsync(target, ex, CancellationToken.None);
        }
        catch (ConnectorException ex) when (!ex.Transient)
        {
            throw new DeliveryException($"Teams: {ex.Message}", transient: false, inner: ex);
        }
    }
}
