using System.Text.Json;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Http;
using Jivrus.IncidentBot.Bot.Messages;
using Microsoft.Extensions.Options;
using static Jivrus.IncidentBot.Bot.Channels.Slack.SlackJson;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Buttons and modal submissions. A pressed button is a turn like a typed command; its answer goes back
/// through the interaction's <c>response_url</c> (visible to the presser only), while card changes reach
/// everyone through the outbox. The same over HTTP and Socket Mode: only the door differs.
/// </summary>
internal sealed class SlackInteractions(
    TurnHandler turns,
    SlackForms forms,
    [FromKeyedServices(InteractiveRetry.Key)] SlackApiClient api,
    IOptions<SlackOptions> options,
    ILogger<SlackInteractions> log)
{
    /// <summary>One interaction payload, as posted over HTTP (its <c>payload</c> field) or carried by a Socket Mode envelope.</summary>
    public async Task<SlackAnswer> HandleAsync(JsonElement payload, CancellationToken ct) =>
        Str(payload, "type") switch
        {
            "block_actions" => await ButtonAsync(payload, ct),
            "view_submission" => await SubmissionAsync(payload, ct),
            _ => SlackAnswer.None, // view_closed, shortcuts: nothing to do
        };

    private async Task<SlackAnswer> ButtonAsync(JsonElement payload, CancellationToken ct)
    {
        if (!payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
            return SlackAnswer.None;
        var pressed = actions[0];
        var channel = Str(payload, "channel", "id") ?? "";
        var action = new InboundAction(Str(pressed, "action_id") ?? "", Str(pressed, "value") ?? "");
        var message = new InboundMessage(ChannelKind.Slack, Str(payload, "user", "id") ?? "", UserName(payload), channel,
            Str(payload, "container", "thread_ts"), null, "", action);

        var reply = await turns.HandleAsync(message, ct);
        if (reply.Form is { } form)
        {
            if (await forms.OpenAsync(form, Str(payload, "trigger_id"), channel, ct))
                return SlackAnswer.None;
            reply = TurnReply.Say($"{reply.Text} {SlackReplies.FormHint(form)}");
        }

        await AnswerAsync(Str(payload, "response_url"), channel, message.UserId, reply.Text, ct);
        return SlackAnswer.None;
    }

    private async Task<SlackAnswer> SubmissionAsync(JsonElement payload, CancellationToken ct)
    {
        if (!payload.TryGetProperty("view", out var view))
            return SlackAnswer.None;
        var user = Str(payload, "user", "id") ?? "";
        var callback = Str(view, "callback_id");
        var channel = (callback == SlackModals.ReportCallback ? SlackModals.Metadata(view) : SlackModals.RcaChannel(view)) ?? "";
        var origin = new InboundMessage(ChannelKind.Slack, user, UserName(payload), channel, null, "/incident", "");

        FormResult result;
        if (callback == SlackModals.ReportCallback)
            result = await turns.SubmitReportAsync(origin, SlackModals.ReadReport(view), ct);
        else if (callback == SlackModals.RcaCallback && SlackModals.ReadRca(view) is { } rca)
            result = await turns.SubmitRcaAsync(origin, rca, ct);
        else if (callback == SlackModals.TicketReplyCallback && SlackModals.ReadTicketReply(view) is { } answer)
            result = await turns.SubmitTicketReplyAsync(origin, answer, ct);
        else
            return SlackAnswer.None;

        if (!result.Accepted)
            return SlackAnswer.Json(Errors(result.Errors));
        if (result.Reply is { } reply && channel.Length > 0)
            await AnswerAsync(null, channel, user, reply.Text, ct);
        return SlackAnswer.None;
    }

    private static JsonObject Errors(IReadOnlyDictionary<string, string> errors)
    {
        var map = new JsonObject();
        foreach (var (field, sentence) in errors)
            map[field] = sentence;
        return new JsonObject { ["response_action"] = "errors", ["errors"] = map };
    }

    /// <summary>Shows a sentence to one person: via the response_url when Slack gave one we trust, else chat.postEphemeral.</summary>
    private async Task AnswerAsync(string? responseUrl, string channel, string user, string text, CancellationToken ct)
    {
        try
        {
            if (Trusted(responseUrl) is { } url)
                await api.RespondAsync(url, text, ct);
            else if (channel.Length > 0 && user.Length > 0)
                await api.PostEphemeralAsync(channel, user, text, null, ct);
        }
        catch (SlackApiException ex)
        {
            // The change itself is done and the outbox updates the cards; only this private answer is lost.
            log.LogWarning("Could not answer a Slack interaction: {Error}", ex.Error);
        }
    }

    /// <summary>
    /// Only Slack's own hooks (or the configured API host, for a test double) may receive our posts: the
    /// address comes from a request body, and a signed body is no reason to post anywhere it names.
    /// </summary>
    private Uri? Trusted(string? responseUrl)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url))
            return null;
        var api = options.Value.ApiBase;
        var slack = url.Scheme == Uri.UriSchemeHttps && (url.Host == "hooks.slack.com" || url.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase));
        return slack || (url.Scheme == api.Scheme && string.Equals(url.Authority, api.Authority, StringComparison.OrdinalIgnoreCase)) ? url : null;
    }

    private static string? UserName(JsonElement payload) => Str(payload, "user", "username") ?? Str(payload, "user", "name");
}
