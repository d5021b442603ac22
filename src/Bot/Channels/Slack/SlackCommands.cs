using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Slash commands: one turn, answered in the HTTP reply (ephemeral) well inside Slack's 3 s. Public posts
/// the turn causes go through the outbox, never from here.
/// </summary>
internal sealed class SlackCommands(TurnHandler turns, SlackForms forms)
{
    public async Task<IResult> HandleAsync(SlackRequest request, CancellationToken ct)
    {
        var form = request.Form;
        var channel = form["channel_id"];
        var message = new InboundMessage(
            ChannelKind.Slack,
            form["user_id"],
            NullIfEmpty(form["user_name"]),
            channel,
            null,
            form["command"],
            form["text"]);
        if (string.IsNullOrEmpty(message.UserId) || string.IsNullOrEmpty(message.Command))
            return SlackReplies.Ephemeral(TurnReply.Say(ChannelReplies.RequestWithoutCommand));

        var reply = await turns.HandleAsync(message, ct);
        if (reply.Form is not { } wanted)
            return SlackReplies.Ephemeral(reply);
        if (await forms.OpenAsync(wanted, NullIfEmpty(form["trigger_id"]), channel, ct))
            return TypedResults.Ok();
        return SlackReplies.Ephemeral(TurnReply.Say($"{reply.Text} {SlackReplies.FormHint(wanted)}"));
    }

    private static string? NullIfEmpty(string text) => string.IsNullOrEmpty(text) ? null : text;
}
