using System.Text.Json;
using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Http;
using Jivrus.IncidentBot.Workflow.Storage;
using static Jivrus.IncidentBot.Bot.Channels.Slack.SlackJson;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Events API: the URL check, then @mentions and direct messages understood as commands. Each event_id
/// takes effect once: Slack retries deliveries it thinks were lost, and a retry must not report twice.
/// </summary>
internal sealed partial class SlackEvents(TurnHandler turns, ChannelLedger ledger, [FromKeyedServices(InteractiveRetry.Key)] SlackApiClient api, SlackPacer pacer, ILogger<SlackEvents> log)
{
    /// <summary>One Events API body (<c>url_verification</c> or <c>event_callback</c>), posted over HTTP or carried by a Socket Mode envelope.</summary>
    public async Task<SlackAnswer> HandleAsync(JsonElement envelope, string? retryNumber, CancellationToken ct)
    {
        switch (Str(envelope, "type"))
        {
            case "url_verification":
                return SlackAnswer.Text(Str(envelope, "challenge") ?? "");
            case "event_callback" when Str(envelope, "event_id") is { } eventId && envelope.TryGetProperty("event", out var ev):
                if (!await ledger.TryMarkEventAsync($"slack:{eventId}", ct))
                {
                    log.LogDebug("Slack event {EventId} already handled (retry {Retry})", eventId, retryNumber ?? "none");
                    return SlackAnswer.None;
                }

                await OnEventAsync(ev, ct);
                return SlackAnswer.None;
            default:
                return SlackAnswer.None;
        }
    }

    /// <summary>
    /// The turn runs inside the request: it is one short transaction, and the reply is one Web API call.
    /// Should that ever take longer than Slack's 3 s, Slack's retry finds the event marked and does nothing.
    /// </summary>
    private async Task OnEventAsync(JsonElement ev, CancellationToken ct)
    {
        var type = Str(ev, "type");
        var own = Str(ev, "bot_id") is not null || Str(ev, "subtype") is not null;
        var direct = type == "message" && Str(ev, "channel_type") == "im";
        if (own || (type != "app_mention" && !direct))
            return;
        if (Str(ev, "user") is not { } user || Str(ev, "channel") is not { } channel || Str(ev, "ts") is not { } ts)
            return;

        var thread = Str(ev, "thread_ts");
        var text = LeadingMention().Replace(Str(ev, "text") ?? "", "").Trim();
        var message = new InboundMessage(ChannelKind.Slack, user, null, channel, thread, null, text);
        var reply = await turns.HandleAsync(message, ct);
        var answer = reply.Form is { } form ? SlackReplies.FormHint(form) : reply.Text;
        try
        {
            await pacer.WaitTurnAsync(channel, ct);
            await api.PostMessageAsync(channel, answer, SlackReplies.Blocks(reply with { Text = answer }), thread ?? ts, ct);
        }
        catch (SlackApiException ex)
        {
            log.LogWarning("Could not answer a Slack {Type} in {Channel}: {Error}", type, channel, ex.Error);
        }
    }

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>[\s:,]*")]
    private static partial Regex LeadingMention();
}
