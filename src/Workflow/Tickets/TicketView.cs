namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>A read-only picture of a watched ticket, for the ticket card and replies.</summary>
public sealed record TicketView
{
    public required long TicketId { get; init; }
    public required string Subject { get; init; }
    public string? Description { get; init; }
    public required string Priority { get; init; }
    public required string Status { get; init; }
    public string? Requester { get; init; }
    public required DateTimeOffset RespondBy { get; init; }
    public required DateTimeOffset ResolveBy { get; init; }
    public DateTimeOffset? FirstRespondedAt { get; init; }
    public bool Paused { get; init; }
    public bool Finished { get; init; }

    /// <summary>"L2 · Engineering on-call", or null before the first escalation.</summary>
    public string? EscalationLevel { get; init; }
    public bool RespondBreached { get; init; }
    public bool ResolveBreached { get; init; }

    /// <summary>Linked incident numbers, oldest link first.</summary>
    public required IReadOnlyList<int> LinkedIncidents { get; init; }
}
