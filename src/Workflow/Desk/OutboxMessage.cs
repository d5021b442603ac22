using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// A notice waiting in the outbox. Saved in the same transaction as the change that caused it, and
/// delivered later by the host, so nothing is sent to a chat system while the transaction is open.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int? IncidentNumber { get; private set; }

    /// <summary>The Freshdesk ticket the notice is about, when it is about one (rendered with the ticket card).</summary>
    public long? TicketId { get; private set; }
    /// <summary>The corrective action of <see cref="IncidentNumber"/> the notice is about (the 2 of INC-7 #2), for its Done button.</summary>
    public int? ActionNumber { get; private set; }
    public NoticeKind Kind { get; private set; }
    public Audience Audience { get; private set; }
    public string? PersonId { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>When the host finished delivering it; null while it waits.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    private OutboxMessage()
    {
    }

    public OutboxMessage(DateTimeOffset createdAt, int? incidentNumber, Notice notice)
    {
        CreatedAt = createdAt;
        IncidentNumber = incidentNumber;
        Kind = notice.Kind;
        Audience = notice.Audience;
        PersonId = notice.PersonId;
        Text = notice.Text;
    }

    /// <summary>A notice about a watched ticket; <paramref name="incidentNumber"/> names a linked incident when it matters.</summary>
    public static OutboxMessage ForTicket(DateTimeOffset createdAt, long ticketId, Notice notice, int? incidentNumber = null) =>
        new(createdAt, incidentNumber, notice) { TicketId = ticketId };

    /// <summary>A notice about corrective action <paramref name="actionNumber"/> of incident <paramref name="incidentNumber"/>.</summary>
    public static OutboxMessage ForAction(DateTimeOffset createdAt, int incidentNumber, int actionNumber, Notice notice) =>
        new(createdAt, incidentNumber, notice) { ActionNumber = actionNumber };
}
