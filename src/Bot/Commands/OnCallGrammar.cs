using System.Globalization;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>Everything after <c>/oncall</c> (or <c>/incident oncall</c>).</summary>
internal static class OnCallGrammar
{
    public const string OverrideUsage =
        "Usage: /oncall override <rotation> <@person> <duration|until YYYY-MM-DD HH:mm>, e.g. /oncall override support @ben 4h";

    public const string CancelUsage = "Usage: /oncall cancel <override id>, e.g. /oncall cancel 3 (/oncall overrides lists them)";

    public static ParseResult Parse(Arguments args)
    {
        if (args.IsEmpty)
            return new OnCallCommand();
        var verb = args[0].Text.ToLowerInvariant();
        return verb switch
        {
            "override" => Override(args.Skip(1)),
            "overrides" => args.Count == 1 ? new OnCallOverridesCommand() : ParseResult.Failure("Usage: /oncall overrides"),
            "cancel" => Cancel(args.Skip(1)),
            _ when args.Count == 1 => new OnCallCommand(args[0].Text),
            _ => ParseResult.Failure($"Usage: /oncall [rotation] — who is on call now. {OverrideUsage}"),
        };
    }

    private static ParseResult Override(Arguments args)
    {
        if (args.Count < 3 || !Mentions.TryParse(args[1].Text, out var person))
            return ParseResult.Failure(OverrideUsage);
        var rest = Enumerable.Range(2, args.Count - 2).Select(i => args[i].Text).ToList();
        if (rest.Count == 1 && DurationText.TryParse(rest[0], out var duration) && duration > TimeSpan.Zero)
            return new OnCallOverrideCommand(args[0].Text, person, duration, null);
        if (rest.Count == 3 && rest[0].Equals("until", StringComparison.OrdinalIgnoreCase)
            && DateTime.TryParseExact($"{rest[1]} {rest[2]}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            return new OnCallOverrideCommand(args[0].Text, person, null, until);
        return ParseResult.Failure(OverrideUsage);
    }

    private static ParseResult Cancel(Arguments args) =>
        args.Count == 1 && long.TryParse(args[0].Text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new OnCallCancelCommand(id)
            : ParseResult.Failure(CancelUsage);
}
