namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>Reads one person token in any of the forms the channels produce.</summary>
internal static class Mentions
{
    public static bool TryParse(string token, out PersonMention person)
    {
        person = null!;
        if (token.Length > 2 && token.StartsWith("<@", StringComparison.Ordinal) && token.EndsWith('>'))
        {
            var inner = token[2..^1];
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var id = bar < 0 ? inner : inner[..bar];
            if (!IsSlackId(id))
                return false;
            person = new PersonMention(token, id, null, null);
            return true;
        }

        if (token.StartsWith("<at>", StringComparison.OrdinalIgnoreCase) && token.EndsWith("</at>", StringComparison.OrdinalIgnoreCase)
            && token.Length > 9)
        {
            var name = UserText.OneLine(UserText.Decode(token[4..^5]));
            if (name.Length == 0)
                return false;
            person = new PersonMention(token, null, name, null);
            return true;
        }

        if (token.Length > 1 && token[0] == '@')
        {
            // "assign @ana." — sentence punctuation is not part of a plan id.
            var id = token[1..].TrimEnd('.', ',', ';', ':', '!', '?');
            if (id.Length == 0 || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                return false;
            person = new PersonMention(token, null, null, id);
            return true;
        }

        return false;
    }

    /// <summary>Slack user ids: U… or W… then upper-case letters and digits.</summary>
    private static bool IsSlackId(string id) =>
        id.Length is >= 2 and <= 32 && id[0] is 'U' or 'W'
        && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
