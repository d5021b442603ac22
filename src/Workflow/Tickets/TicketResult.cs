using Jivrus.IncidentBot.Workflow.Desk;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>The answer to a ticket command: a sentence for the person, and the ticket as it now stands.</summary>
public sealed record TicketResult(DeskStatus Status, string Message, TicketView? Ticket = null)
{
    public static TicketResult NotWatched(long ticketId) =>
        new(DeskStatus.NotFound, $"The bot does not know ticket #{ticketId} yet (Freshdesk sends it with its next webhook).");
}
