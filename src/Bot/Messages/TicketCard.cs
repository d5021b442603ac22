using System.Globalization;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>Renders a watched Freshdesk ticket as a neutral card, with buttons to escalate and promote it.</summary>
public static class TicketCard
{
    private const int SummaryLength = 300;

    public static Card Render(TicketView ticket)
    {
        var id = ticket.TicketId.ToString(CultureInfo.InvariantCulture);
        var fields = new List<CardField>
        {
            new("Priority", ticket.Priority),
            new("Status", ticket.Paused ? $"{ticket.Status} (SLA clock paused)" : ticket.Status),
            new("Requester", ticket.Requester ?? "unknown"),
            ticket.FirstRespondedAt is { } responded
                ? new CardField("First response", $"made {Utc(responded)}", responded)
                : new CardField("First response due", Utc(ticket.RespondBy) + (ticket.RespondBreached ? " (breached)" : ""), ticket.RespondBy),
            new("Resolution due", Utc(ticket.ResolveBy) + (ticket.ResolveBreached ? " (breached)" : ""), ticket.ResolveBy),
            new("Escalation", ticket.EscalationLevel ?? "not escalated"),
        };
        if (ticket.LinkedIncidents.Count > 0)
            fields.Add(new CardField("Linked incidents", string.Join(", ", ticket.LinkedIncidents.Select(IncidentId.Format))));

        var buttons = new List<CardButton>();
        if (!ticket.Finished)
            buttons.Add(new CardButton("Escalate", ActionIds.TicketEscalate, id, ButtonStyle.Default, $"Page the next level of the ladder for ticket #{id}?"));
        buttons.Add(new CardButton("Promote to incident", ActionIds.TicketPromote, id, ButtonStyle.Danger, $"Open an incident for ticket #{id}?"));
        return new Card(
            $"Ticket #{id} · {ticket.Subject}",
            ticket.Description is { } text ? (text.Length <= SummaryLength ? text : text[..(SummaryLength - 1)] + "…") : null,
            fields,
            buttons,
            "Freshdesk ticket",
            ticket.RespondBreached || ticket.ResolveBreached ? CardTone.Critical : ticket.Finished ? CardTone.Good : CardTone.Warning);
    }

    /// <summary>The offer to send the customer-facing reply: nothing goes out until a person presses the button.</summary>
    public static Card ReplyOffer(long ticketId, int incidentNumber, string text)
    {
        var id = ticketId.ToString(CultureInfo.InvariantCulture);
        var incident = IncidentId.Format(incidentNumber);
        return new Card(
            $"Reply to the customer on ticket #{id}?",
            text,
            [new CardField("Incident", incident)],
            [new CardButton("Send reply to customer", ActionIds.TicketReply, $"{id}:{incident}", ButtonStyle.Primary, $"Send the reply to the customer of ticket #{id}?")],
            "Freshdesk ticket",
            CardTone.Good);
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
