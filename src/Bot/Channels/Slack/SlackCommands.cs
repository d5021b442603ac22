using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Slash commands: one turn, answered at once (ephemeral) well inside Slack's 3 s, in the HTTP reply or the Socket Mode
/// acknowledgement. Public posts the turn causes go through the outbox, never from here.
/// </summary>
internal sealed class SlackCommands(TurnHandler turns, SlackForms forms)
{
    public async Task<SlackAnswer> HandleAsync(SlashCommand command, CancellationToken ct)
    {
        var message = new InboundMessage(
            ChannelKind.Slack,
            command.UserId,
            command.UserName,
            command.ChannelId,
            null,
            command.Command,
            command.Text);
        if (string.IsNullOrEmpty(message.UserId) || string.IsNullOrEmpty(message.Command))
            return SlackAnswer.Ephemeral(TurnReply.Say(ChannelReplies.RequestWithoutCommand));

        var reply = await turns.HandleAsync(message, ct);
        if (reply.Form is not { } wanted)
            return SlackAnswer.Ephemeral(reply);
        if (await forms.OpenAsync(wanted, command.TriggerId, command.ChannelId, ct))
            return SlackAnswer.None;
        return SlackAnswer.Ephemeral(TurnReply.Say($"{reply.Text} {SlackReplies.FormHint(wanted)}"));
    }
}
