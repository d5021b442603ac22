using System.Net;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>
/// Freshdesk reads a reply's <c>body</c> as HTML: the sender's plain text is escaped (a customer must not receive
/// markup someone typed) and its line breaks kept, so the greeting and sign-off stay on their own lines.
/// </summary>
internal static class FreshdeskHtml
{
    public static string FromText(string text) =>
        string.Join("<br>", text.ReplaceLineEndings("\n").Split('\n').Select(WebUtility.HtmlEncode));
}
