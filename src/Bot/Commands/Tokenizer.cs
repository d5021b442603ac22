namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// Splits a command on whitespace. A Slack <c>&lt;@U1|Ana Silva&gt;</c> or Teams <c>&lt;at&gt;Ana Silva&lt;/at&gt;</c>
/// stays one token even with spaces inside, because a mention is one argument.
/// </summary>
internal static class Tokenizer
{
    private const string TeamsOpen = "<at>";
    private const string TeamsClose = "</at>";

    /// <summary>Longest Slack <c>&lt;…&gt;</c> group kept together; beyond it a stray '&lt;' is just a character.</summary>
    private const int MaxAngleGroup = 300;

    /// <summary>
    /// Control characters (other than line breaks and tabs) become spaces: they are never meaningful in a
    /// command and would otherwise glue words together or reach the chat card unseen.
    /// </summary>
    public static string Sanitize(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsControl(source[i]) && source[i] is not ('\n' or '\r' or '\t') ? ' ' : source[i];
        });
    }

    public static List<Token> Split(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < source.Length)
        {
            if (char.IsWhiteSpace(source[i]))
            {
                i++;
                continue;
            }

            var end = GroupEnd(source, i) ?? WordEnd(source, i);
            tokens.Add(new Token(source[i..end], i, end));
            i = end;
        }

        return tokens;
    }

    private static int WordEnd(string source, int start)
    {
        var i = start;
        while (i < source.Length && !char.IsWhiteSpace(source[i]))
            i++;
        return i;
    }

    private static int? GroupEnd(string source, int start)
    {
        if (source[start] != '<' || start + 1 >= source.Length || char.IsWhiteSpace(source[start + 1]))
            return null;

        if (source.AsSpan(start).StartsWith(TeamsOpen, StringComparison.OrdinalIgnoreCase))
        {
            var close = source.IndexOf(TeamsClose, start, Math.Min(MaxAngleGroup, source.Length - start), StringComparison.OrdinalIgnoreCase);
            return close < 0 ? null : close + TeamsClose.Length;
        }

        var gt = source.IndexOf('>', start, Math.Min(MaxAngleGroup, source.Length - start));
        return gt < 0 ? null : gt + 1;
    }
}
