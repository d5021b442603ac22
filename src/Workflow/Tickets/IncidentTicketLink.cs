namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>A Freshdesk ticket linked to an incident (by promotion or <c>/incident link</c>); one row per pair.</summary>
public sealed class IncidentTicketLink
{
    public int IncidentNumber { get; private set; }
    public long TicketId { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }
    public string LinkedBy { get; private set; } = "";

    private IncidentTicketLink()
    {
    }

    public IncidentTicketLink(int incidentNumber, long ticketId, DateTimeOffset linkedAt, string linkedBy)
    {
        IncidentNumber = incidentNumber;
        TicketId = ticketId;
        LinkedAt = linkedAt;
        LinkedBy = linkedBy;
    }
}
