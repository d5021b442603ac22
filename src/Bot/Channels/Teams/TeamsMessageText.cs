using System.Net;
using System.Text.RegularExpressions;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// The command line of a Teams message: the bot's own <c>&lt;at&gt;…&lt;/at&gt;</c> mention removed, other
/// mentions kept (they name people: <c>assign &lt;at&gt;Ana&lt;/at&gt;</c>), markup and entities undone.
/// </summary>
internal static partial class TeamsMessageText
{
    public static string CommandLine(Activity activity)
    {
        var text = activity.Text ?? "";
        var botMention = activity.Entities?
            .Where(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase) && e.Text is not null)
            .FirstOrDefault(e => string.Equals(e.Mentioned?.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase))?.Text;
        if (botMention is not null)
        {
            var at = text.IndexOf(botMention, StringComparison.Ordinal);
            if (at >= 0)
                text = text.Remove(at, botMention.Length);
        }
        else
        {
            // No entity (older clients): a leading mention is the bot's, since the bot only sees messages that name it.
            text = LeadingMention().Replace(text, "", 1);
        }

        text = OtherMarkup().Replace(text, " ");
        text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
        return string.Join(' ', text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"^\s*<at>[^<]*</at>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex LeadingMention();

    /// <summary>Any tag except &lt;at&gt; and &lt;/at&gt;.</summary>
    [GeneratedRegex(@"<(?!/?at>)[^>]{0,200}>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex OtherMarkup();
}
