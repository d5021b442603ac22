namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// <c>/incident report &lt;title&gt; [sevN] [impact: &lt;text&gt;]</c>. The severity may stand anywhere in the
/// title as a word of its own (people write "sev1 checkout down" as often as "checkout down sev1");
/// <c>impact:</c> runs to the end because impact is prose.
/// </summary>
internal static class ReportGrammar
{
    public const int MaxTitle = 150;
    private const string ImpactClause = "impact:";

    public static ParseResult Parse(Arguments args)
    {
        var at = Grammar.FindClause(args, ImpactClause);
        var impact = at < 0 ? null : UserText.Optional(args.Skip(at).TextFrom(0, ImpactClause.Length));
        var words = at < 0 ? args : args.Take(at);

        string? severity = null;
        var pieces = new List<string>();
        var runStart = 0;
        for (var i = 0; i <= words.Count; i++)
        {
            var found = "";
            var isSeverity = i < words.Count && Severities.TryParse(words[i].Text, bareDigit: false, out found);
            if (isSeverity)
            {
                if (severity is not null && severity != found)
                    return ParseResult.Failure($"Give one severity, not both {severity} and {found}.");
                severity = found;
            }

            if (i == words.Count || isSeverity)
            {
                if (i > runStart)
                    pieces.Add(words.Skip(runStart).Take(i - runStart).Text);
                runStart = i + 1;
            }
        }

        var title = UserText.OneLine(UserText.Decode(string.Join(' ', pieces)));
        if (title.Length > MaxTitle)
            return ParseResult.Failure($"Title is too long ({title.Length} characters; at most {MaxTitle})");

        // No title: the caller opens the report form, pre-filled with whatever else was given.
        return new ReportCommand(title.Length == 0 ? null : title, severity, impact);
    }
}
