namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>The read-only sub-commands: list, summary, help.</summary>
internal static class QueryGrammar
{
    /// <summary>
    /// <c>list [open|mine|closed|drills] [sevN]</c>, words in any order, each at most once. <c>closed</c> stands alone:
    /// narrowing the whole history by severity could not be counted cheaply; so does <c>drills</c>.
    /// </summary>
    public static ParseResult List(Arguments args)
    {
        ListFilter? filter = null;
        string? severity = null;
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i].Text.ToLowerInvariant();
            if (filter is null && word is "open" or "all")
                filter = ListFilter.Open;
            else if (filter is null && word is "mine" or "my")
                filter = ListFilter.Mine;
            else if (filter is null && word is "closed" or "done" or "recent")
                filter = ListFilter.Closed;
            else if (filter is null && word is "drills" or "drill")
                filter = ListFilter.Drills;
            else if (severity is null && Severities.TryParse(word, bareDigit: false, out var sev))
                severity = sev;
            else
                return Grammar.Usage(SubCommands.List);
        }

        if (filter is ListFilter.Closed or ListFilter.Drills && severity is not null)
            return Grammar.Usage(SubCommands.List);
        return new ListCommand(filter ?? ListFilter.Open, severity);
    }

    public static ParseResult Summary(Arguments args)
    {
        if (args.IsEmpty)
            return new SummaryCommand(SummaryPeriod.Day);
        if (args.Count > 1)
            return Grammar.Usage(SubCommands.Summary);
        return args[0].Text.ToLowerInvariant() switch
        {
            "day" or "daily" or "today" => new SummaryCommand(SummaryPeriod.Day),
            "week" or "weekly" => new SummaryCommand(SummaryPeriod.Week),
            _ => Grammar.Usage(SubCommands.Summary),
        };
    }

    /// <summary>Any topic is accepted; an unknown one is answered with the full list by <see cref="HelpText.For"/>.</summary>
    public static ParseResult Help(Arguments args)
    {
        var topic = HelpText.Key(args.Take(3).Text);
        if (topic.Length == 0)
            return new HelpCommand(null);
        return new HelpCommand(topic.Length <= 40 ? topic : topic[..40]);
    }
}
