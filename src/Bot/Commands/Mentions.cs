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
            var label = bar < 0 ? null : UserText.OneLine(inner[(bar + 1)..]);
            person = new PersonMention(token, id, null, null) { Label = string.IsNullOrEmpty(label) ? null : label };
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

        // "assign @ana" or just "assign ana": a plan person's id, or their name.
        var bare = token.Length > 1 && token[0] == '@' ? token[1..] : token;
        if (!IsPlainName(bare))
            return false;
        person = new PersonMention(token, null, null, bare.TrimEnd(Punctuation));
        return true;
    }

    /// <summary>Several plain words (<c>assign 7 Fay Smith</c>): a plan person's name as written.</summary>
    public static bool TryParseName(IReadOnlyList<string> words, out PersonMention person)
    {
        person = null!;
        if (words.Count == 0 || !words.All(IsPlainName) || words.All(w => w.All(char.IsAsciiDigit)))
            return false;
        var name = string.Join(' ', words);
        person = new PersonMention(name, null, null, name.TrimEnd(Punctuation));
        return true;
    }

    // "assign @ana." — sentence punctuation is not part of a plan id.
    private static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?'];

    private static bool IsPlainName(string word)
    {
        var id = word.TrimEnd(Punctuation);
        return id.Length is > 0 and <= 64 && char.IsLetter(id[0]) && id.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '\'');
    }

    /// <summary>Slack user ids: U… or W… then upper-case letters and digits.</summary>
    private static bool IsSlackId(string id) =>
        id.Length is >= 2 and <= 32 && id[0] is 'U' or 'W'
        && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
