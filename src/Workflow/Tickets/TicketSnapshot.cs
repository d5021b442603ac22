namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>
/// A Freshdesk ticket as the API returned it a moment ago. The bot never trusts a webhook body: it
/// refetches the ticket and hands the snapshot to <see cref="TicketDesk.ObserveAsync"/>.
/// </summary>
/// <param name="Id">The Freshdesk ticket id.</param>
/// <param name="Subject">The ticket's subject line.</param>
/// <param name="DescriptionText">The plain-text description (the customer's words); becomes the impact of a promoted incident.</param>
/// <param name="Status">Freshdesk status: 2 Open, 3 Pending, 4 Resolved, 5 Closed; other values are custom statuses, treated as open.</param>
/// <param name="Priority">Freshdesk priority: 1 Low, 2 Medium, 3 High, 4 Urgent.</param>
/// <param name="Requester">Who raised it: the requester's name, else e-mail, else id.</param>
/// <param name="CreatedAt">When the ticket was created; the plan's fallback targets count from here.</param>
/// <param name="FirstResponseDue">Freshdesk's <c>fr_due_by</c>, when it has one.</param>
/// <param name="ResolutionDue">Freshdesk's <c>due_by</c>, when it has one.</param>
/// <param name="FirstRespondedAt">Freshdesk's <c>stats.first_responded_at</c>: set once an agent answered the customer.</param>
public sealed record TicketSnapshot(
    long Id,
    string Subject,
    string? DescriptionText,
    int Status,
    int Priority,
    string? Requester,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstResponseDue = null,
    DateTimeOffset? ResolutionDue = null,
    DateTimeOffset? FirstRespondedAt = null);

/// <summary>Freshdesk's built-in ticket statuses and priorities, by their API numbers.</summary>
public static class TicketCodes
{
    public const int Open = 2;
    public const int Pending = 3;
    public const int Resolved = 4;
    public const int Closed = 5;

    /// <summary>Resolved and Closed end the watch; everything else (custom statuses too) is watched.</summary>
    public static bool IsFinished(int status) => status is Resolved or Closed;

    public static string StatusName(int status) => status switch
    {
        Open => "Open",
        Pending => "Pending",
        Resolved => "Resolved",
        Closed => "Closed",
        _ => $"Status {status}",
    };

    /// <summary>The plan's key for a priority (<c>tickets:</c> section): urgent, high, medium, low.</summary>
    public static string PriorityKey(int priority) => priority switch
    {
        4 => "urgent",
        3 => "high",
        2 => "medium",
        _ => "low",
    };

    public static string PriorityName(int priority) => priority switch
    {
        4 => "Urgent",
        3 => "High",
        2 => "Medium",
        _ => "Low",
    };
}
