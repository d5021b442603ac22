using System.Collections.Frozen;
using static Jivrus.IncidentBot.Bot.Commands.Grammar;

namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>Route table of the <c>/incident</c> sub-commands: canonical name → parser of the rest.</summary>
internal static class IncidentGrammar
{
    private static readonly FrozenDictionary<string, Func<Arguments, ParseResult>> Routes =
        new Dictionary<string, Func<Arguments, ParseResult>>
        {
            [SubCommands.Report] = ReportGrammar.Parse,
            [SubCommands.Ack] = a => IdOnly(a, SubCommands.Ack, id => new AcknowledgeCommand(id)),
            [SubCommands.Update] = UpdateGrammar.Parse,
            [SubCommands.Sev] = Severity,
            [SubCommands.Assign] = Assign,
            [SubCommands.Mitigate] = a => IdAndText(a, SubCommands.Mitigate, (id, t) => new MitigateCommand(id, t)),
            [SubCommands.Resolve] = a => IdAndText(a, SubCommands.Resolve, (id, t) => new ResolveCommand(id, t)),
            [SubCommands.Close] = a => IdOnly(a, SubCommands.Close, id => new CloseCommand(id)),
            [SubCommands.Rca] = Rca,
            [SubCommands.Cancel] = a => IdAndText(a, SubCommands.Cancel, (id, t) => new CancelCommand(id, t)),
            [SubCommands.Reopen] = a => IdOnly(a, SubCommands.Reopen, id => new ReopenCommand(id)),
            [SubCommands.Show] = a => IdOnly(a, SubCommands.Show, id => new ShowCommand(id)),
            [SubCommands.Timeline] = a => IdOnly(a, SubCommands.Timeline, id => new TimelineCommand(id)),
            [SubCommands.Postmortem] = a => IdOnly(a, SubCommands.Postmortem, id => new PostmortemCommand(id)),
            [SubCommands.List] = QueryGrammar.List,
            [SubCommands.Summary] = QueryGrammar.Summary,
            [SubCommands.OnCall] = OnCallGrammar.Parse,
            [SubCommands.Help] = QueryGrammar.Help,
            [SubCommands.Escalate] = Escalate,
            [SubCommands.Link] = Link,
            [SubCommands.Ticket] = TicketGrammar.Parse,
            [SubCommands.Action] = ActionGrammar.Action,
            [SubCommands.Actions] = ActionGrammar.List,
            [SubCommands.Drill] = ReportGrammar.Drill,
            [SubCommands.Private] = a => IdOnly(a, SubCommands.Private, id => new VisibilityCommand(id, Private: true)),
            [SubCommands.Public] = a => IdOnly(a, SubCommands.Public, id => new VisibilityCommand(id, Private: false)),
        }.ToFrozenDictionary();

    /// <summary>Parses everything after <c>/incident</c>. Nothing at all asks for help.</summary>
    public static ParseResult Parse(Arguments args)
    {
        if (args.IsEmpty)
            return new HelpCommand(null);
        var name = SubCommands.Canonical(args[0].Text);
        return name is not null && Routes.TryGetValue(name, out var parse)
            ? parse(args.Skip(1))
            : Unknown(args[0].Text);
    }

    /// <summary>Whether a chat line may start straight with this word (<c>ack 7</c>) without <c>incident</c>.</summary>
    public static bool IsSubCommand(string word) => SubCommands.Canonical(word) is not null;

    public static ParseResult Escalate(Arguments args)
    {
        if (TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);
        return new EscalateCommand(id, UserText.Optional(args.Text));
    }

    private static ParseResult Severity(Arguments args)
    {
        // "sev 2" alone means severity 2, not incident 2 with the severity missing.
        if (args.Count == 1 && Severities.TryParse(args[0].Text, bareDigit: true, out var only))
            return new SeverityCommand(null, only);
        if (TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);
        if (args.Count == 1 && Severities.TryParse(args[0].Text, bareDigit: true, out var severity))
            return new SeverityCommand(id, severity);
        // A name or an alias ("critical", "data loss", "P1", "sev 2"): the plan knows them, so the workflow reads it.
        return args.Count is > 0 and <= 3 ? new SeverityCommand(id, UserText.Echo(args.Text)) : Usage(SubCommands.Sev);
    }

    private static ParseResult Assign(Arguments args)
    {
        if (TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);
        if (args.Count == 1 && Mentions.TryParse(args[0].Text, out var person))
            return new AssignCommand(id, person);
        var words = Enumerable.Range(0, args.Count).Select(i => args[i].Text).ToList();
        return args.Count is > 1 and <= 4 && Mentions.TryParseName(words, out var named)
            ? new AssignCommand(id, named)
            : Usage(SubCommands.Assign);
    }

    private static ParseResult Rca(Arguments args)
    {
        // "rca waive INC-4 <reason>" (or "rca INC-4 waive <reason>"); a root cause merely starting with "waived" is a root cause.
        if (!args.IsEmpty && IsWaive(args[0].Text))
            return RcaWaive(args.Skip(1));
        if (TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);
        if (id is not null && !args.IsEmpty && IsWaive(args[0].Text))
            return RcaWaive(args.Skip(1), id);
        var at = FindClause(args, "actions:");
        var actions = at < 0 ? null : UserText.Optional(args.Skip(at).TextFrom(0, "actions:".Length));
        var rootCause = UserText.Optional((at < 0 ? args : args.Take(at)).Text);
        return rootCause is null ? Usage(SubCommands.Rca) : new RcaCommand(id, rootCause, actions);
    }

    private static bool IsWaive(string word) => word.Equals("waive", StringComparison.OrdinalIgnoreCase);

    private static ParseResult RcaWaive(Arguments args, int? id = null)
    {
        if (id is null && TakeIncidentId(ref args, out id) is { } error)
            return ParseResult.Failure(error);
        var reason = UserText.Optional(args.Text);
        return reason is null ? ParseResult.Failure(HelpText.Usage(SubCommands.RcaWaive)) : new RcaWaiveCommand(id, reason);
    }

    private static ParseResult Link(Arguments args)
    {
        if (TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);
        return args.Count == 2 && args[0].Text.Equals("ticket", StringComparison.OrdinalIgnoreCase)
            && Ids.TryTicket(args[1].Text, out var ticket)
            ? new LinkTicketCommand(id, ticket)
            : Usage(SubCommands.Link);
    }
}
