namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>One line of a watched ticket's timeline: who did what, when (like an incident's timeline).</summary>
public sealed class TicketTimelineEntry
{
    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";

    /// <summary>Short verb: <c>watching</c>, <c>paused</c>, <c>resumed</c>, <c>breached</c>, <c>escalated</c>…</summary>
    public string Action { get; private set; } = "";
    public string Text { get; private set; } = "";

    private TicketTimelineEntry()
    {
    }

    internal TicketTimelineEntry(long ticketId, DateTimeOffset at, string actorId, string actorName, string action, string text)
    {
        TicketId = ticketId;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        Text = text;
    }
}
