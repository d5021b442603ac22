using System.Globalization;
using static Jivrus.IncidentBot.Bot.Commands.Grammar;

namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// <c>/incident action add|set|done|drop</c> and <c>/incident actions</c>. An action is named by its number
/// (<c>2</c> or <c>#2</c>) after the incident id: <c>action done INC-7 2</c>; in the incident's own channel the
/// number alone is enough (<c>action done 2</c>). Owner and due date are <c>owner &lt;@person&gt;</c> and
/// <c>due &lt;duration|YYYY-MM-DD&gt;</c> at the end, in either order.
/// </summary>
internal static class ActionGrammar
{
    public static ParseResult Action(Arguments args)
    {
        if (args.IsEmpty)
            return Usage(SubCommands.Action);
        var verb = args[0].Text.ToLowerInvariant();
        var rest = args.Skip(1);
        return verb switch
        {
            "add" or "new" => Add(rest),
            "set" or "edit" => Set(rest),
            "done" or "complete" or "completed" => Done(rest),
            "drop" or "dropped" => Drop(rest),
            _ => Usage(SubCommands.Action),
        };
    }

    public static ParseResult List(Arguments args)
    {
        if (args.IsEmpty)
            return new ActionsCommand(null, ActionsScope.Incident);
        if (args.Count > 1)
            return Usage(SubCommands.Actions);
        switch (args[0].Text.ToLowerInvariant())
        {
            case "mine" or "my":
                return new ActionsCommand(null, ActionsScope.Mine);
            case "overdue" or "late":
                return new ActionsCommand(null, ActionsScope.Overdue);
        }

        if (TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);
        return id is null ? Usage(SubCommands.Actions) : new ActionsCommand(id, ActionsScope.Incident);
    }

    private static ParseResult Add(Arguments args)
    {
        if (TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);
        var start = ClausesStart(args, out var owner, out var due);
        if (start <= 0 || owner is null)
            return ParseResult.Failure(HelpText.Usage("action add"));
        var text = UserText.Optional(args.Take(start).Text);
        return text is null ? ParseResult.Failure(HelpText.Usage("action add")) : new ActionAddCommand(id, text, owner, due);
    }

    private static ParseResult Set(Arguments args)
    {
        if (!TakeActionRef(ref args, out var id, out var k) || args.IsEmpty || ClausesStart(args, out var owner, out var due) != 0)
            return ParseResult.Failure(HelpText.Usage("action set"));
        return new ActionSetCommand(id, k, owner, due);
    }

    private static ParseResult Done(Arguments args) =>
        TakeActionRef(ref args, out var id, out var k) && args.IsEmpty
            ? new ActionDoneCommand(id, k)
            : ParseResult.Failure(HelpText.Usage("action done"));

    private static ParseResult Drop(Arguments args)
    {
        if (!TakeActionRef(ref args, out var id, out var k) || UserText.Optional(args.Text) is not { } reason)
            return ParseResult.Failure(HelpText.Usage("action drop"));
        return new ActionDropCommand(id, k, reason);
    }

    /// <summary>
    /// <c>INC-7 2</c>, <c>INC-7 #2</c>, or just <c>2</c> / <c>#2</c> (the incident is the channel's). With two numbers
    /// the first is the incident.
    /// </summary>
    private static bool TakeActionRef(ref Arguments args, out int? id, out int k)
    {
        id = null;
        k = 0;
        if (args.IsEmpty)
            return false;
        if (args.Count >= 2 && Ids.Incident(args[0].Text, out var number) == IdKind.Valid && TryNumber(args[1].Text, out var second))
        {
            id = number;
            k = second;
            args = args.Skip(2);
            return true;
        }

        if (!TryNumber(args[0].Text, out k))
            return false;
        args = args.Skip(1);
        return true;
    }

    private static bool TryNumber(string token, out int k) =>
        int.TryParse(token.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out k) && k is > 0 and < 1000;

    /// <summary>Where the trailing <c>owner</c>/<c>due</c> clauses start (the window's end when there are none), or -1.</summary>
    private static int ClausesStart(Arguments args, out PersonMention? owner, out string? due)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i].Text.ToLowerInvariant();
            if (word is "owner" or "due" && TryClauses(args.Skip(i), out owner, out due))
                return i;
        }

        owner = null;
        due = null;
        return args.Count;
    }

    private static bool TryClauses(Arguments tail, out PersonMention? owner, out string? due)
    {
        owner = null;
        due = null;
        for (var j = 0; j < tail.Count; j += 2)
        {
            if (j + 1 >= tail.Count)
                return false;
            var word = tail[j].Text.ToLowerInvariant();
            if (word == "owner" && owner is null && Mentions.TryParse(tail[j + 1].Text, out var person))
                owner = person;
            else if (word == "due" && due is null)
                due = tail[j + 1].Text;
            else
                return false;
        }

        return true;
    }
}
