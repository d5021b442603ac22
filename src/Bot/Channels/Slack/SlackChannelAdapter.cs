using System.Globalization;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Slack's outbound side: picks the conversation for each outbox message, renders it as Block Kit and
/// posts it, paced per conversation. Every card post is recorded so later changes update it in place,
/// and a card found already posted (a crash between send and mark) is updated rather than posted again.
/// </summary>
internal sealed class SlackChannelAdapter(
    IOptions<SlackOptions> options,
    SlackApiClient api,
    SlackTargets targets,
    SlackPacer pacer,
    ChannelLedger ledger,
    SlackUserGroups groups,
    ILogger<SlackChannelAdapter> log) : IChannelAdapter
{
    private const string CardPurpose = "card";

    public string Name => SlackTargets.Channel;

    public bool Enabled => options.Value.Enabled;

    public async Task DeliverAsync(Delivery.DeliveryRequest delivery, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverCoreAsync(delivery, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            throw new DeliveryException(ex.Message, ex.Transient, ex.RetryAfter, ex);
        }
    }

    /// <summary>
    /// The incident's own channel by the name it was opened with, or the announce channel where its card is
    /// without one. Words, not a link: the digest text is escaped like every other post.
    /// </summary>
    public Task<string?> CardPlaceAsync(IncidentView incident, Audience digestAudience, CancellationToken cancellationToken) =>
        Task.FromResult(targets.PerIncident ? "#" + SlackChannelName.For(incident.Number, incident.Title)
            : targets.Announce is null ? null
            : digestAudience == Audience.Announce ? "this channel" : "the announce channel");

    // The dispatcher runs one incident's deliveries one at a time, so the "card already posted here?"
    // check below cannot race the incident's own post in another conversation.
    private async Task DeliverCoreAsync(Delivery.DeliveryRequest delivery, CancellationToken ct)
    {
        var message = delivery.Message;
        var incident = delivery.Incident;
        var content = delivery.Content;
        // Where the incident's live card goes is Slack's business; what it says is the message's.
        switch (message.Kind)
        {
            case NoticeKind.OnCallGroup when message.PersonId is { } rotation:
                await groups.SyncAsync(rotation, ct);
                return;
            case NoticeKind.CardUpdate when incident is not null && content.Card is not null:
                await UpdateCardsAsync(incident, content, ct);
                return;
            case NoticeKind.Card when incident is not null && content.Card is not null && message.Audience == Audience.Incident:
                await PostIncidentCardAsync(incident, content, ct);
                return;
            case NoticeKind.Card or NoticeKind.Page when incident is not null && content.Card is not null:
                if (await targets.ConversationAsync(message, ct) is { } conversation)
                    await PostCardAsync(conversation, incident, content, ct, message.Kind == NoticeKind.Page ? PageMarker(message) : null);
                if (message.Kind == NoticeKind.Page)
                    await targets.JoinPrivateChannelAsync(incident, message.PersonId, ct);
                return;
        }

        var (target, thread) = await TargetAsync(message, incident, ct);
        if (target is null)
        {
            log.LogDebug("No Slack conversation for {Audience}; outbox message {Id} skipped", message.Audience, message.Id);
            return;
        }

        await PostAsync(target, content.Text, BlockKitRenderer.Message(content), thread, ct);
    }

    private async Task<(string? Conversation, string? Thread)> TargetAsync(OutboxMessage message, IncidentView? incident, CancellationToken ct)
    {
        if (message.Audience != Audience.Incident || message.IncidentNumber is not { } number)
            return (await targets.ConversationAsync(message, ct), null);
        var isPrivate = incident?.IsPrivate == true;
        var conversation = await targets.IncidentConversationAsync(number, isPrivate, ct);
        if (conversation is null || (targets.OwnChannel(isPrivate) && conversation != targets.Announce))
            return (conversation, null);
        // Without an own channel, the incident's conversation is the thread under its announce card.
        var card = (await ledger.PostsOfAsync(number, Name, CardPurpose, ct)).FirstOrDefault(p => p.ConversationId == conversation);
        return (conversation, card?.MessageId);
    }

    private async Task PostIncidentCardAsync(IncidentView incident, OutgoingMessage content, CancellationToken ct)
    {
        // A private incident always gets a private channel of its own: a thread under an announce card would show it to all.
        if (!targets.OwnChannel(incident.IsPrivate))
        {
            if (targets.Announce is { } announce && await PostCardAsync(announce, incident, content, ct) is { IsNew: true } post)
                await ledger.BindConversationAsync(Name, $"{announce}/{post.Ts}", incident.Number, ct);
            return;
        }

        var channel = await targets.OpenIncidentChannelAsync(incident, ct);
        if (await PostCardAsync(channel, incident, content, ct) is { IsNew: true } pinned)
        {
            try
            {
                await api.PinAsync(channel, pinned.Ts, ct);
            }
            catch (SlackApiException ex) when (!ex.Transient)
            {
                log.LogWarning("Could not pin the card of {Incident}: {Error}", incident.Id, ex.Error);
            }
        }
    }

    /// <param name="marker">
    /// For pages: a ledger purpose naming the outbox message. A person paged again (the ladder repeats at the
    /// top) gets a fresh, notifying post, while a retry of the same page still finds the first one.
    /// </param>
    private async Task<(string Ts, bool IsNew)> PostCardAsync(string conversation, IncidentView incident, OutgoingMessage content, CancellationToken ct, string? marker = null)
    {
        var text = content.Text;
        var blocks = BlockKitRenderer.Message(content)!;
        var posted = (await ledger.PostsOfAsync(incident.Number, Name, marker ?? CardPurpose, ct)).FirstOrDefault(p => p.ConversationId == conversation);
        if (posted is not null)
        {
            await api.UpdateMessageAsync(conversation, posted.MessageId, text, blocks, ct);
            return (posted.MessageId, false);
        }

        var ts = await PostAsync(conversation, text, blocks, null, ct);
        await ledger.RecordPostAsync(Name, conversation, ts, incident.Number, CardPurpose, ct);
        if (marker is not null)
            await ledger.RecordPostAsync(Name, conversation, ts, incident.Number, marker, ct);
        return (ts, true);
    }

    private static string PageMarker(OutboxMessage message) => $"page:{message.Id.ToString(CultureInfo.InvariantCulture)}";

    private async Task UpdateCardsAsync(IncidentView incident, OutgoingMessage content, CancellationToken ct)
    {
        var text = content.Text;
        var blocks = BlockKitRenderer.Message(content)!;
        foreach (var post in await ledger.PostsOfAsync(incident.Number, Name, CardPurpose, ct))
        {
            try
            {
                // A JSON node has one parent, so each request gets its own copy of the blocks.
                await api.UpdateMessageAsync(post.ConversationId, post.MessageId, text, blocks.DeepClone().AsArray(), ct,
                    "message_not_found", "channel_not_found", "is_archived");
            }
            catch (SlackApiException ex) when (!ex.Transient)
            {
                // One deleted card or archived channel must not keep the other cards stale.
                log.LogWarning("Card of {Incident} in {Conversation} not updated: {Error}", incident.Id, post.ConversationId, ex.Error);
            }
        }
    }

    private async Task<string> PostAsync(string conversation, string text, JsonArray? blocks, string? thread, CancellationToken ct)
    {
        await pacer.WaitTurnAsync(conversation, ct);
        var ts = await api.PostMessageAsync(conversation, text, blocks, thread, ct);
        log.LogDebug("Posted to Slack {Conversation} at {Ts}", conversation, ts);
        return ts;
    }
}
