using System.Globalization;
using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>
/// What a turn would have done, in words a failure sentence can use: "<see cref="Subject"/> was NOT
/// <see cref="Done"/>", or for an outcome nobody knows, "may or may not have been <see cref="Done"/>; check with
/// <see cref="Check"/>".
/// </summary>
/// <param name="Subject">What the turn was about: <c>INC-4</c>, <c>INC-?</c> for a report, <c>Ticket #42</c>.</param>
/// <param name="Done">The past participle of what it would have done: <c>filed</c>, <c>acknowledged</c>.</param>
/// <param name="Changes">False for a turn that only reads (show, list); its failure never leaves anything half done.</param>
/// <param name="Check">The command that shows whether it was done after all.</param>
public sealed record TurnIntent(string Subject, string Done, bool Changes, string Check)
{
    private const string List = "/incident list";

    /// <summary>A turn whose command is not known (it failed before it was parsed).</summary>
    public static TurnIntent Unknown { get; } = new("That", "done", true, List);

    public static TurnIntent Of(IncidentCommand command) => command switch
    {
        ReportCommand => new("INC-?", "filed", true, List),
        AcknowledgeCommand c => Change(c.IncidentNumber, "acknowledged"),
        UpdateCommand c => Change(c.IncidentNumber, "updated"),
        SeverityCommand c => Change(c.IncidentNumber, $"moved to {c.Severity}"),
        AssignCommand c => Change(c.IncidentNumber, "assigned"),
        MitigateCommand c => Change(c.IncidentNumber, "marked mitigated"),
        EscalateCommand c => Change(c.IncidentNumber, "escalated"),
        ResolveCommand c => Change(c.IncidentNumber, "resolved"),
        CloseCommand c => Change(c.IncidentNumber, "closed"),
        RcaCommand c => Change(c.IncidentNumber, "given its RCA"),
        CancelCommand c => Change(c.IncidentNumber, "cancelled"),
        ReopenCommand c => Change(c.IncidentNumber, "reopened"),
        SnoozeCommand c => Change(c.IncidentNumber, "snoozed"),
        RcaFormCommand c => Read(c.IncidentNumber, "given an RCA form"),
        ShowCommand c => Read(c.IncidentNumber, "shown"),
        TimelineCommand c => new($"The timeline of {Name(c.IncidentNumber)}", "shown", false, List),
        ListCommand => new("The incident list", "shown", false, List),
        SummaryCommand => new("The summary", "built", false, List),
        LinkTicketCommand c => new(Ticket(c.TicketId), $"linked to {Name(c.IncidentNumber)}", true, $"/ticket show {c.TicketId}"),
        TicketShowCommand c => new(Ticket(c.TicketId), "shown", false, $"/ticket show {c.TicketId}"),
        TicketEscalateCommand c => new(Ticket(c.TicketId), "escalated", true, $"/ticket show {c.TicketId}"),
        TicketPromoteCommand c => new(Ticket(c.TicketId), "promoted to an incident", true, List),
        TicketReplyCommand c => new($"The reply form of ticket #{c.TicketId}", "opened", false, $"/ticket show {c.TicketId}"),
        _ => Unknown,
    };

    /// <summary>The intent of a submitted form.</summary>
    public static TurnIntent Of(FormKind form, int? incidentNumber = null, long? ticketId = null) => form switch
    {
        FormKind.Report => new("INC-?", "filed", true, List),
        FormKind.Rca => Change(incidentNumber, "given its RCA"),
        _ => new($"The reply to the customer of ticket #{ticketId}", "sent", true, $"/incident timeline {Name(incidentNumber)}"),
    };

    private static TurnIntent Change(int? number, string done) =>
        new(Name(number), done, true, number is { } n ? $"/incident show {IncidentId.Format(n)}" : List);

    private static TurnIntent Read(int? number, string done) => new(Name(number), done, false, List);

    private static string Name(int? number) => number is { } n ? IncidentId.Format(n) : "The incident";

    private static string Ticket(long id) => $"Ticket #{id.ToString(CultureInfo.InvariantCulture)}";
}
