using System.Diagnostics;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Bot.Observability;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Delivery;

/// <summary>
/// Sends outbox messages to every enabled channel: once per channel (recorded per message and channel),
/// in order per conversation (a failed message holds back the ones after it in the same conversation),
/// retrying transient failures with backoff or the channel's Retry-After. During a storm, the posts waiting
/// for a shared channel become one digest instead of a queue of hundreds.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxStore store,
    Desk desk,
    TicketDesk tickets,
    IEnumerable<IChannelAdapter> adapters,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> log)
{
    private readonly SemaphoreSlim _oneRound = new(1, 1);

    // Conversations are delivered in parallel, but an incident's posts in different conversations (its announce
    // card, its own channel, the pages) go one at a time: adapters check "is this card already posted?" and
    // must not race the incident's own post elsewhere. Striped by incident number so the table stays small.
    private readonly SemaphoreSlim[] _incidentLocks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly DeliveryOptions _options = options.Value;

    /// <summary>One round: deliver what is due now. Returns how many messages left the queue.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await _oneRound.WaitAsync(ct);
        try
        {
            await using var lead = await store.TryLeadAsync(ct);
            if (lead is null)
                return 0; // another replica is delivering; order per conversation needs a single sender
            var pending = await store.PendingAsync(_options.BatchSize, ct);
            if (pending.Count == 0)
                return 0;
            var channels = adapters.Where(a => a.Enabled).ToList();
            var completed = 0;
            var groups = pending.GroupBy(ConversationKey).Select(g => g.ToList()).ToList();
            // Storm digests go last: the incident cards they point to are posted first, in the incidents' own places.
            var storms = groups.Where(g => StormDigest.Applies(g, _options.StormThreshold)).ToList();
            foreach (var round in new[] { groups.Except(storms).ToList(), storms })
            {
                await Parallel.ForEachAsync(round, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.ConversationsInParallel), CancellationToken = ct }, async (group, token) =>
                {
                    var done = await DeliverConversationAsync(group, channels, token);
                    Interlocked.Add(ref completed, done);
                });
            }

            return completed;
        }
        finally
        {
            _oneRound.Release();
        }
    }

    private async Task<int> DeliverConversationAsync(List<OutboxMessage> messages, List<IChannelAdapter> channels, CancellationToken ct)
    {
        if (StormDigest.Applies(messages, _options.StormThreshold))
            return await DeliverDigestAsync(messages, channels, ct);

        if (messages[0].NextAttemptAt is { } retryAt && retryAt > time.GetUtcNow())
            return 0; // the head of this conversation waits for its retry; the rest waits behind it

        var done = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (IsSuperseded(messages, i))
            {
                // A later update of the same card follows; the card is rendered from the current state anyway.
                await store.CompleteAsync(message.Id, ct);
                done++;
                continue;
            }

            if (!await DeliverAsync(message, channels, ct))
                break; // keep the conversation's order: later messages wait for this one
            done++;
        }

        return done;
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, List<IChannelAdapter> channels, CancellationToken ct)
    {
        using var span = StartDelivery(message, 1);
        var delivered = await DeliverToEachAsync(message, channels, ct);
        if (!delivered)
            span?.SetStatus(ActivityStatusCode.Error, "deferred");
        return delivered;
    }

    private async Task<bool> DeliverToEachAsync(OutboxMessage message, List<IChannelAdapter> channels, CancellationToken ct)
    {
        // A ticket notice is rendered with the ticket card; it is not an incident post even when it names one.
        var ticket = message.TicketId is { } ticketId ? (await tickets.ShowAsync(ticketId, ct)).Ticket : null;
        var view = message.TicketId is null && message.IncidentNumber is { } number ? (await desk.ShowAsync(number, ct)).Incident : null;
        var delivery = new DeliveryRequest(message, view, NoticeMessages.For(message, view, ticket), NoticeMessages.LiveCard(view));
        foreach (var channel in channels)
        {
            if (await store.IsDeliveredToAsync(message.Id, channel.Name, ct))
                continue;
            if (!await TrySendAsync(channel, delivery, ct))
                return false;
            await store.MarkDeliveredToAsync(message.Id, channel.Name, ct);
        }

        await store.CompleteAsync(message.Id, ct);
        return true;
    }

    private async Task<bool> TrySendAsync(IChannelAdapter channel, DeliveryRequest delivery, CancellationToken ct)
    {
        var message = delivery.Message;
        var gate = message.IncidentNumber is { } number ? _incidentLocks[number % _incidentLocks.Length] : null;
        try
        {
            if (gate is not null)
                await gate.WaitAsync(ct);
            try
            {
                await channel.DeliverAsync(delivery, ct);
            }
            finally
            {
                gate?.Release();
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failure = ex as DeliveryException;
            var transient = failure?.Transient ?? true;
            if (!transient || message.Attempts + 1 >= _options.MaxAttempts)
            {
                log.LogError("Gave up delivering outbox {Id} ({Kind} to {Audience}) to {Channel} after {Attempts} attempts: {Error}",
                    message.Id, message.Kind, message.Audience, channel.Name, message.Attempts + 1, Describe(ex));
                return true; // dropped for this channel; the others still get it
            }

            var delay = failure?.RetryAfter ?? Backoff(message.Attempts);
            log.LogWarning("Delivering outbox {Id} to {Channel} failed, retrying in {Delay}: {Error}", message.Id, channel.Name, delay, Describe(ex));
            await store.DeferAsync(message.Id, time.GetUtcNow() + delay, $"{channel.Name}: {Describe(ex)}", ct);
            return false;
        }
    }

    private async Task<int> DeliverDigestAsync(List<OutboxMessage> messages, List<IChannelAdapter> channels, CancellationToken ct)
    {
        var first = messages[0];
        using var span = StartDelivery(first, messages.Count);
        log.LogWarning("Storm: {Count} posts for {Audience} coalesced into one digest", messages.Count, first.Audience);
        var incidents = new Dictionary<int, IncidentView>();
        foreach (var number in StormDigestMessage.Incidents(messages))
        {
            if ((await desk.ShowAsync(number, ct)).Incident is { } view)
                incidents[number] = view;
        }

        foreach (var channel in channels)
        {
            if (await store.IsDeliveredToAsync(first.Id, channel.Name, ct))
                continue;
            // Each chat keeps the incident's card in its own place, so each gets its own "card in ..." words.
            var places = new Dictionary<int, string?>();
            foreach (var incident in incidents.Values)
                places[incident.Number] = await channel.CardPlaceAsync(incident, first.Audience, ct);
            var digest = StormDigestMessage.Build(messages, incidents, places);
            if (!await TrySendAsync(channel, new DeliveryRequest(first, null, new OutgoingMessage(digest)), ct))
            {
                span?.SetStatus(ActivityStatusCode.Error, "deferred");
                return 0;
            }

            foreach (var message in messages)
                await store.MarkDeliveredToAsync(message.Id, channel.Name, ct);
        }

        foreach (var message in messages)
            await store.CompleteAsync(message.Id, ct);
        return messages.Count;
    }

    private static Activity? StartDelivery(OutboxMessage message, int count)
    {
        var span = Telemetry.Source.StartActivity(Telemetry.Delivery);
        span?.SetTag("incidentbot.outbox.id", message.Id);
        span?.SetTag("incidentbot.outbox.kind", message.Kind.ToString());
        span?.SetTag("incidentbot.outbox.audience", message.Audience.ToString());
        span?.SetTag("incidentbot.outbox.messages", count);
        if (message.IncidentNumber is { } number)
            span?.SetTag("incidentbot.incident", $"INC-{number}");
        return span;
    }

    private static bool IsSuperseded(List<OutboxMessage> messages, int index) =>
        messages[index].Kind == NoticeKind.CardUpdate
        && messages.Skip(index + 1).Any(m => m.Kind == NoticeKind.CardUpdate && m.IncidentNumber == messages[index].IncidentNumber);

    private TimeSpan Backoff(int attempts)
    {
        var delay = TimeSpan.FromTicks(_options.FirstBackoff.Ticks * (1L << Math.Min(attempts, 16)));
        return delay > _options.MaxBackoff ? _options.MaxBackoff : delay;
    }

    /// <summary>Messages for the same conversation share a key; order is kept within a key.</summary>
    public static string ConversationKey(OutboxMessage message) => message.Audience switch
    {
        Audience.Person => $"person:{message.PersonId}",
        Audience.Incident => $"incident:{message.IncidentNumber}",
        _ => message.Audience.ToString().ToLowerInvariant(),
    };

    private static string Describe(Exception ex) => ex is DeliveryException ? ex.Message : ex.GetType().Name;
}
