namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>
/// One thing a person said or pressed, the same for every channel: each adapter verifies its request
/// and translates it into this before the turn handler sees it.
/// </summary>
/// <param name="Channel">Which chat system it came from.</param>
/// <param name="UserId">The channel's own user id (Slack <c>U…</c>, Teams <c>29:…</c>, local: the plan person id or a guest name).</param>
/// <param name="UserName">Display name when the channel sends one.</param>
/// <param name="ConversationId">Where it was said (channel, chat, DM); used to find the incident of an incident channel.</param>
/// <param name="ThreadId">Thread or reply chain, when there is one.</param>
/// <param name="Command">The slash command (<c>/incident</c>, <c>/escalate</c>, <c>/ticket</c>), or null for a chat line.</param>
/// <param name="Text">The text after the slash command, or the whole chat line (mention already stripped).</param>
/// <param name="Action">A pressed button, instead of text.</param>
public sealed record InboundMessage(
    ChannelKind Channel,
    string UserId,
    string? UserName,
    string ConversationId,
    string? ThreadId,
    string? Command,
    string Text,
    InboundAction? Action = null);

/// <summary>A pressed button: one of the design's action ids and its value (<c>INC-7</c>).</summary>
public sealed record InboundAction(string ActionId, string Value);

/// <summary>The chat systems the bot speaks.</summary>
public enum ChannelKind
{
    Slack,
    Teams,
    Local,
}
