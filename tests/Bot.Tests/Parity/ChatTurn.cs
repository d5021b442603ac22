using Jivrus.IncidentBot.Bot.Conversations;

namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>What the person saw at once after a command, a press or a form: the sentence, and a form if one opened.</summary>
public sealed record ChatTurn(string Reply, ChatForm? Form);

/// <summary>
/// A form the bot opened for a person (Slack modal, Teams card inputs). <paramref name="Handle"/> and
/// <paramref name="Conversation"/> are the channel's own: what its driver needs to submit it.
/// </summary>
public sealed record ChatForm(FormKind Kind, string? IncidentId, string Handle, string Conversation);
