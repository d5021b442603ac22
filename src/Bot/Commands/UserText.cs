namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>Turns free text as it arrives from a channel into text as the user typed it.</summary>
internal static class UserText
{
    /// <summary>
    /// Slack escapes exactly these three characters in message text; <c>&amp;amp;</c> goes last so that a
    /// user who literally typed "&amp;lt;" keeps it.
    /// </summary>
    public static string Decode(string text) =>
        text.Contains('&', StringComparison.Ordinal)
            ? text.Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal)
            : text;

    /// <summary>Decoded and trimmed; <c>null</c> when nothing is left.</summary>
    public static string? Optional(string text)
    {
        var decoded = Decode(text).Trim();
        return decoded.Length == 0 ? null : decoded;
    }

    /// <summary>One line with single spaces, for titles, which show in card headers and channel names.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A piece of user input fit to echo back in an error: one line, short.</summary>
    public static string Echo(string text)
    {
        var line = OneLine(Tokenizer.Sanitize(text));
        return line.Length <= 30 ? line : string.Concat(line.AsSpan(0, 29), "…");
    }
}
