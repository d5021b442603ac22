using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// <c>/incident update [INC-n] &lt;text&gt; [next &lt;duration&gt;] [eta &lt;duration&gt;]</c>. The clauses are
/// read only at the very end, in either order, so "next" inside a sentence stays text.
/// </summary>
internal static class UpdateGrammar
{
    public static ParseResult Parse(Arguments args)
    {
        if (Grammar.TakeIncidentId(ref args, out var id) is { } error)
            return ParseResult.Failure(error);

        TimeSpan? next = null;
        TimeSpan? eta = null;
        while (args.Count >= 2)
        {
            var keyword = args[args.Count - 2].Text.TrimEnd(':').ToLowerInvariant();
            var isNext = keyword == "next" && next is null;
            var isEta = keyword == "eta" && eta is null;
            if (!isNext && !isEta)
                break;

            var value = args[args.Count - 1].Text;
            if (!DurationText.TryParse(value, out var duration))
                return ParseResult.Failure(
                    $"'{UserText.Echo(value)}' after '{keyword}' is not a duration; write a number and a unit, e.g. 30s, 15m, 4h or 2d.");
            if (isNext)
                next = duration;
            else
                eta = duration;
            args = args.DropLast(2);
        }

        var text = UserText.Optional(args.Text);
        return text is null ? Grammar.Usage(SubCommands.Update) : new UpdateCommand(id, text, next, eta);
    }
}
