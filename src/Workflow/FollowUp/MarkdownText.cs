using System.Text;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>
/// People's words inside a Markdown document. Titles, updates and root causes are typed by people, so characters that
/// Markdown reads as markup are escaped: a title with <c>*</c> or <c>&lt;b&gt;</c> reads as typed, and no text can
/// start a heading, a list or a link of its own.
/// </summary>
internal static class MarkdownText
{
    private const string Markup = "\\`*_[]<>#";

    /// <summary>One line: line breaks become spaces, markup is escaped.</summary>
    public static string Inline(string? text)
    {
        var line = string.Join(' ', Lines(text ?? ""));
        var escaped = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (Markup.Contains(c, StringComparison.Ordinal))
                escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Paragraph text that keeps its line breaks (as hard breaks); a line that would start a list, a quote or a
    /// numbered item is escaped like the rest.
    /// </summary>
    public static string Block(string text)
    {
        var lines = Lines(text).Select(line =>
        {
            var inline = Inline(line);
            return inline.Length > 0 && (inline[0] is '-' or '+' || StartsNumbered(inline)) ? "\\" + inline : inline;
        });
        return string.Join("  \n", lines);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static bool StartsNumbered(string line)
    {
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
            digits++;
        return digits > 0 && digits < line.Length && line[digits] is '.' or ')';
    }
}
