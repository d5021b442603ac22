namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>
/// A write-back to Freshdesk waiting to be sent: a private note or the public reply. Saved in the same
/// transaction as the change that caused it and sent later by the host, so it survives a crash and is
/// retried. The unique key (ticket, incident, kind) makes a retried resolve or a second button press a no-op:
/// each ticket gets one resolution note, one RCA note and at most one reply per incident.
/// </summary>
public sealed class TicketNote
{
    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public int IncidentNumber { get; private set; }
    public TicketNoteKind Kind { get; private set; }
    public string Body { get; private set; } = "";

    /// <summary>True for a private note (agents only); false for the public reply to the customer.</summary>
    public bool Private { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when Freshdesk refused it for good (not found, forbidden); it is not tried again.</summary>
    public DateTimeOffset? FailedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    private TicketNote()
    {
    }

    public TicketNote(long ticketId, int incidentNumber, TicketNoteKind kind, string body, DateTimeOffset createdAt)
    {
        TicketId = ticketId;
        IncidentNumber = incidentNumber;
        Kind = kind;
        Body = body;
        Private = kind != TicketNoteKind.Reply;
        CreatedAt = createdAt;
    }

    /// <summary>Replaces the body and queues the note again, as new (the corrective actions changed).</summary>
    internal void Rewrite(string body, DateTimeOffset at)
    {
        Body = body;
        CreatedAt = at;
        SentAt = null;
        FailedAt = null;
        Attempts = 0;
        NextAttemptAt = null;
        LastError = null;
    }
}

/// <summary>Why a note is written.</summary>
public enum TicketNoteKind
{
    /// <summary>Private note: the linked incident was resolved, with its resolution.</summary>
    Resolution,

    /// <summary>Private note: the linked incident's root-cause analysis was submitted.</summary>
    Rca,

    /// <summary>Public reply to the customer; only ever queued when a person submits the reply form.</summary>
    Reply,

    /// <summary>Private note: the linked incident's corrective actions as they stand; rewritten and sent again on each change.</summary>
    Actions,
}
