using System.Globalization;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// <c>/incident update [INC-n] [text] [next &lt;duration&gt;] [eta &lt;duration|HH:mm&gt;]</c>. The clauses are read
/// only at the very end, in either order, so "next" inside a sentence stays text. An update may be only a
/// promise or an ETA ("update eta 2h").
/// </summary>
internal static class UpdateGrammar
{
    private const string Next = "next";
    private const string Eta = "eta";

    public static ParseResult Parse(Arguments args)
    {
        if (Grammar.TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);

        TimeSpan? next = null;
        EtaPromise? eta = null;
        while (args.Count >= 2)
        {
            // "next 1 hour", "eta 45 minutes": the keyword, a number and a unit word.
            if (args.Count >= 3 && Keyword(args[args.Count - 3].Text, next, eta) is { } spokenKeyword
                && DurationText.TryParseSpoken($"{args[args.Count - 2].Text} {args[args.Count - 1].Text}", out var spoken))
            {
                (next, eta) = spokenKeyword == Next ? (spoken, eta) : (next, EtaPromise.In(spoken));
                args = args.DropLast(3);
                continue;
            }

            if (Keyword(args[args.Count - 2].Text, next, eta) is not { } keyword)
                break;
            var value = args[args.Count - 1].Text;
            if (keyword == Eta && TimeOnly.TryParseExact(value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                eta = EtaPromise.ClockTime(at);
            else if (DurationText.TryParseSpoken(value, out var duration))
                (next, eta) = keyword == Next ? (duration, eta) : (next, EtaPromise.In(duration));
            else
                return ParseResult.Failure(
                    $"'{UserText.Echo(value)}' after '{keyword}' is not a time I can read; write a number and a unit " +
                    "(next 45m, next 45 minutes, next 1h, next 2 hours, eta 2h) or, after eta, a time of day (eta 17:30).");
            args = args.DropLast(2);
        }

        var text = UserText.Optional(args.Text);
        return text is null && next is null && eta is null
            ? Grammar.Usage(SubCommands.Update)
            : new UpdateCommand(id, text, next, eta);
    }

    /// <summary>"next" or "eta" (a trailing colon allowed) when that clause was not read yet; otherwise null.</summary>
    private static string? Keyword(string token, TimeSpan? next, EtaPromise? eta) =>
        token.TrimEnd(':').ToLowerInvariant() switch
        {
            Next when next is null => Next,
            Eta when eta is null => Eta,
            _ => null,
        };
}
