namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>Pieces every sub-command grammar shares.</summary>
internal static class Grammar
{
    /// <summary>
    /// Takes the incident id if the first token looks like one. A bare leading number is the id on purpose
    /// (<c>resolve 7 fixed</c>), so the rule is the same for every sub-command and easy to explain.
    /// </summary>
    /// <returns>An error line, or null.</returns>
    public static string? TakeIncidentId(ref Arguments args, out int? id)
    {
        id = null;
        if (args.IsEmpty)
            return null;
        switch (Ids.Incident(args[0].Text, out var number))
        {
            case IdKind.Valid:
                id = number;
                args = args.Skip(1);
                return null;
            case IdKind.Malformed:
                return $"'{UserText.Echo(args[0].Text)}' is not an incident id; write it like INC-7, #7 or 7.";
            default:
                return null;
        }
    }

    /// <summary><c>sub [INC-n]</c> and nothing more.</summary>
    public static ParseResult IdOnly(Arguments args, string name, Func<int?, IncidentCommand> build)
    {
        if (TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);
        return args.IsEmpty ? build(id) : Usage(name);
    }

    /// <summary><c>sub [INC-n] &lt;text&gt;</c> with the text required.</summary>
    public static ParseResult IdAndText(Arguments args, string name, Func<int?, string, IncidentCommand> build)
    {
        if (TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);
        var text = UserText.Optional(args.Text);
        return text is null ? Usage(name) : build(id, text);
    }

    /// <summary>Index of the first token starting with <paramref name="keyword"/> (e.g. <c>impact:</c>), or -1.</summary>
    public static int FindClause(Arguments args, string keyword)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].Text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        return -1;
    }

    public static ParseResult Usage(string name) => ParseResult.Failure(HelpText.Usage(name));

    public static ParseResult Unknown(string word) =>
        ParseResult.Failure($"Unknown command '{UserText.Echo(word)}'. Try /incident help.");
}
