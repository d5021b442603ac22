namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/ticket show|escalate|incident &lt;id&gt; …</c> for Freshdesk tickets.</summary>
internal static class TicketGrammar
{
    private const string Show = "show";
    private const string Escalate = "escalate";
    private const string Promote = "incident";

    public static string? Canonical(string word) => word.ToLowerInvariant() switch
    {
        "show" or "status" or "view" or "info" => Show,
        "escalate" or "esc" => Escalate,
        "incident" or "promote" => Promote,
        _ => null,
    };

    public static ParseResult Parse(Arguments args)
    {
        if (args.IsEmpty)
            return Grammar.Usage(SubCommands.Ticket);

        // "/ticket 42" is the obvious short form of "/ticket show 42".
        if (Ids.TryTicket(args[0].Text, out var bare))
            return args.Count == 1 ? new TicketShowCommand(bare) : Grammar.Usage(SubCommands.Ticket);

        var sub = Canonical(args[0].Text);
        if (sub is null)
            return Grammar.Unknown(args[0].Text);
        var usage = Grammar.Usage($"{SubCommands.Ticket} {sub}");
        var rest = args.Skip(1);
        if (rest.IsEmpty || !Ids.TryTicket(rest[0].Text, out var id))
            return usage;
        rest = rest.Skip(1);

        return sub switch
        {
            Show => rest.IsEmpty ? new TicketShowCommand(id) : usage,
            Escalate => new TicketEscalateCommand(id, UserText.Optional(rest.Text)),
            _ => rest.IsEmpty ? new TicketPromoteCommand(id, null)
                : rest.Count == 1 && Severities.TryParse(rest[0].Text, bareDigit: true, out var sev) ? new TicketPromoteCommand(id, sev)
                : usage,
        };
    }
}
