namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// <c>/incident report &lt;title&gt; [sevN] [impact: &lt;text&gt;]</c>. An explicit severity (<c>sev1</c>, <c>SEV-1</c>,
/// <c>sev 1</c>) may stand anywhere in the title (people write "sev1 checkout down" as often as "checkout down sev1")
/// and leaves it; severity names, aliases and S1/P1 need the plan, so the workflow reads those from the title;
/// <c>impact:</c> runs to the end because impact is prose. The word <c>private</c> is a flag read the same way, anywhere
/// among the title's words, and leaves the title too.
/// </summary>
internal static class ReportGrammar
{
    public const int MaxTitle = 150;
    private const string ImpactClause = "impact:";
    private const string PrivateWord = "private";

    /// <summary><c>/incident drill &lt;title&gt; [sevN] [private] [impact: ...]</c>: the report grammar; a drill always needs its title.</summary>
    public static ParseResult Drill(Arguments args)
    {
        var parsed = Parse(args);
        return parsed.Command switch
        {
            ReportCommand { Title: not null } report => report with { Drill = true },
            ReportCommand => Grammar.Usage(SubCommands.Drill),
            _ => parsed,
        };
    }

    public static ParseResult Parse(Arguments args)
    {
        var isPrivate = false;
        var at = Grammar.FindClause(args, ImpactClause);
        var impact = at < 0 ? null : UserText.Optional(args.Skip(at).TextFrom(0, ImpactClause.Length));
        var words = at < 0 ? args : args.Take(at);

        string? severity = null;
        var pieces = new List<string>();
        var runStart = 0;
        for (var i = 0; i <= words.Count; i++)
        {
            var found = "";
            var isFlag = i < words.Count && string.Equals(words[i].Text, PrivateWord, StringComparison.OrdinalIgnoreCase);
            isPrivate |= isFlag;
            var isSeverity = !isFlag && i < words.Count && Severities.TryParse(words[i].Text, bareDigit: false, out found);
            // "sev 1" as two words: the digit alone would be too loose, but after "sev" it can mean nothing else.
            var twoWords = !isSeverity && !isFlag && i + 1 < words.Count && string.Equals(words[i].Text, "sev", StringComparison.OrdinalIgnoreCase)
                && Severities.TryParse(words[i + 1].Text, bareDigit: true, out found);
            if (isSeverity || twoWords)
            {
                if (severity is not null && severity != found)
                    return ParseResult.Failure($"Give one severity, not both {severity} and {found}.");
                severity = found;
            }

            if (i == words.Count || isSeverity || twoWords || isFlag)
            {
                if (i > runStart)
                    pieces.Add(words.Skip(runStart).Take(i - runStart).Text);
                if (twoWords)
                    i++;
                runStart = i + 1;
            }
        }

        var title = UserText.OneLine(UserText.Decode(string.Join(' ', pieces)));
        if (title.Length > MaxTitle)
            return ParseResult.Failure($"Title is too long ({title.Length} characters; at most {MaxTitle})");

        // No title: the caller opens the report form, pre-filled with whatever else was given.
        return new ReportCommand(title.Length == 0 ? null : title, severity, impact, isPrivate);
    }
}
