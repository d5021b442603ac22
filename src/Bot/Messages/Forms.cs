using System.Globalization;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>
/// The report, RCA and customer reply forms, each written once: their fields, labels, placeholders and limits. The
/// channels only render a <see cref="FormSpec"/> and hand what comes back to the readers below, so a form offers the
/// same fields in Slack, Teams and on the local page.
/// </summary>
public static class Forms
{
    public const string ReportId = "report";
    public const string RcaId = "rca";
    public const string TicketReplyId = "ticket-reply";

    /// <summary>What the report form says when its title is left empty.</summary>
    public const string TitleMissing = "Give the incident a title.";

    /// <summary>What the RCA form says when its root cause is left empty.</summary>
    public const string RootCauseMissing = "Say what caused the incident.";

    /// <summary>What the RCA form says when its corrective actions are left empty.</summary>
    public const string ActionsMissing = "Name at least one corrective action and its owner.";

    /// <summary>The form a reply asks for, or null when the request lacks what the form needs (an RCA without its incident).</summary>
    public static FormSpec? For(FormRequest request, ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request switch
        {
            { Kind: FormKind.Report } => Report(plan, request.Severity),
            { Kind: FormKind.Rca, IncidentNumber: { } number } => Rca(number),
            { Kind: FormKind.TicketReply, IncidentNumber: { } about, TicketId: { } ticket, Draft: { } draft } => TicketReply(ticket, about, draft),
            _ => null,
        };
    }

    /// <param name="severity">The severity asked for with the command, preselected; nothing is preselected otherwise,
    /// so an untouched field never chooses for the reporter.</param>
    public static FormSpec Report(ResponsePlan plan, string? severity = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var chosen = plan.Severities.FirstOrDefault(s => string.Equals(s.Id, severity, StringComparison.OrdinalIgnoreCase));
        return new FormSpec(FormKind.Report, "Report an incident", "Report incident",
        [
            new FormField(FormKeys.Title, "Title", FieldKind.Line)
            {
                Placeholder = "What is broken, in a few words", MaxLength = Incident.MaxTitleLength, Missing = TitleMissing,
            },
            new FormField(FormKeys.Severity, "Severity", FieldKind.Choice)
            {
                Placeholder = SeverityHint.NoChoice(plan), Optional = true, Hint = SeverityHint.Field(plan), Initial = chosen?.Id,
                Choices = [.. plan.Severities.Select(s => new FormChoice(s.Id, $"{s.Id} · {s.Name}", s.Description.Length > 0 ? s.Description : null))],
            },
            new FormField(FormKeys.Impact, "Customer impact", FieldKind.Text)
            {
                Placeholder = "Who is affected and how?", MaxLength = Incident.MaxTextLength, Optional = true,
            },
            new FormField(FormKeys.Description, "Description", FieldKind.Text)
            {
                Placeholder = "What happened, since when, what you have tried, links", MaxLength = Incident.MaxTextLength, Optional = true,
            },
            new FormField(FormKeys.Private, "Visibility", FieldKind.Toggle)
            {
                // A security breach or data loss under investigation: a private channel, nothing in the announce channel.
                Optional = true, Choices = [new FormChoice("private", "Private", ChannelReplies.PrivateChoice)],
            },
        ]);
    }

    public static FormSpec Rca(int incidentNumber)
    {
        var id = IncidentId.Format(incidentNumber);
        return new FormSpec(FormKind.Rca, $"RCA of {id}", "Submit RCA",
        [
            new FormField(FormKeys.RootCause, "Root cause", FieldKind.Text)
            {
                Placeholder = "What caused the incident?", MaxLength = Incident.MaxTextLength, Missing = RootCauseMissing,
            },
            new FormField(FormKeys.Factors, "Contributing factors", FieldKind.Text)
            {
                Placeholder = "What made it worse or slower to fix?", MaxLength = Incident.MaxTextLength, Optional = true,
            },
            new FormField(FormKeys.Actions, "Corrective actions with owners", FieldKind.Text)
            {
                Placeholder = "One per line: what to do, owner @name, due 5d", MaxLength = Incident.MaxTextLength,
                Missing = ActionsMissing,
            },
        ])
        { IncidentNumber = incidentNumber };
    }

    /// <summary>The reply to a ticket's customer, opened with <paramref name="draft"/> to edit.</summary>
    public static FormSpec TicketReply(long ticketId, int incidentNumber, string draft) =>
        new(FormKind.TicketReply, $"Reply to ticket #{ticketId.ToString(CultureInfo.InvariantCulture)}", "Send reply",
        [
            new FormField(FormKeys.Reply, "Reply to the customer", FieldKind.Text)
            {
                Placeholder = "What the customer reads", MaxLength = WriteBackText.MaxReplyLength, Initial = draft,
                Missing = "Write the reply to the customer; an empty reply is not sent.",
            },
        ])
        {
            Intro = "The customer receives this as it stands. Edit the draft, then send it.",
            IncidentNumber = incidentNumber,
            TicketId = ticketId,
        };

    public static string IdOf(FormKind kind) => kind switch
    {
        FormKind.Report => ReportId,
        FormKind.Rca => RcaId,
        _ => TicketReplyId,
    };

    /// <summary>The report form's answers, read by field key from whatever the channel sent back.</summary>
    public static ReportForm ReadReport(Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ReportForm(value(FormKeys.Title), value(FormKeys.Severity), value(FormKeys.Impact), value(FormKeys.Description),
            string.Equals(value(FormKeys.Private), "true", StringComparison.OrdinalIgnoreCase));
    }

    public static RcaForm ReadRca(int incidentNumber, Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new RcaForm(incidentNumber, value(FormKeys.RootCause), value(FormKeys.Factors), value(FormKeys.Actions));
    }

    public static TicketReplyForm ReadTicketReply(long ticketId, int incidentNumber, Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new TicketReplyForm(ticketId, incidentNumber, value(FormKeys.Reply));
    }
}

/// <summary>The field keys of the forms: input ids in every channel and the keys of <see cref="FormResult.Errors"/>.</summary>
public static class FormKeys
{
    public const string Title = "title";
    public const string Severity = "severity";
    public const string Impact = "impact";
    public const string Description = "description";
    public const string Private = "private";
    public const string RootCause = "root_cause";
    public const string Factors = "factors";
    public const string Actions = "actions";
    public const string Reply = "reply";
}
