using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Conversations;

namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>
/// What a chat's own endpoint says when it cannot hand a request to the turn handler as it is (no command, a form
/// that cannot be opened or names nothing, a card action without data), and its notices about itself. Written
/// once here so the channels only send them and every chat words the same situation alike.
/// </summary>
public static class ChannelReplies
{
    public const string RequestWithoutCommand = "That request carried no command or user.";

    public const string CardActionWithoutData = "That card action carried no data.";

    public const string RcaFormWithoutIncident = "That RCA form names no incident; use /incident rca INC-n instead.";

    public const string TicketReplyFormWithoutTicket = "That reply form names no ticket and incident; press Send reply to customer again. Nothing was sent.";

    public const string CorrectTheForm = "Please correct the form.";

    /// <summary>What the report form's Private choice does, beside the box.</summary>
    public const string PrivateChoice = "nothing in the announce channel; only the people paged, the reporter, the commander and managers see it.";

    public const string Done = "Done.";

    /// <summary>A card action the bot does not know, with the commands that do the same.</summary>
    public static string UnknownCardAction { get; } = $"Unknown card action. {HelpText.All}";

    /// <summary>The greeting when the bot is added to a conversation where people mention it (Teams).</summary>
    public static string Hello { get; } =
        "Hello! I am IncidentBot. Mention me with a command, e.g. @IncidentBot incident report Checkout is down sev1.\n\n" + HelpText.All;

    /// <summary>What to say when the form a reply asks for cannot be opened (a chat line, or the chat refused it).</summary>
    /// <param name="form">The form that was asked for.</param>
    /// <param name="chat">The chat's name ("Slack").</param>
    public static string FormHint(FormRequest form, string chat)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Kind switch
        {
            FormKind.Report => "Report with /incident report <title> [sev1..sev4] [impact: <text>] (the bare slash command opens a form).",
            FormKind.TicketReply => $"{chat} did not open the reply form; press Send reply to customer again. Nothing was sent.",
            _ => $"Press the card's Submit RCA button, or type /incident rca INC-{form.IncidentNumber} <root cause> actions: <corrective actions>.",
        };
    }

    /// <summary>Told to the management channel once when a chat refuses the bot's posts to a conversation.</summary>
    /// <param name="conversation">The conversation in words ("the announce channel", a person's name).</param>
    /// <param name="chat">The chat's name ("Teams").</param>
    public static string Unreachable(string conversation, string chat) =>
        $"IncidentBot can no longer post to {conversation} in {chat}: the app was removed there. Posts for it are skipped until the app is added again.";
}
