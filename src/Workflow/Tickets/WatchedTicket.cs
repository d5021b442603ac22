using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>
/// A Freshdesk ticket the bot watches: its two SLA deadlines, whether they were warned about or breached,
/// how far up the escalation ladder it went, and whether its clock is paused. Changed one transaction at a
/// time (optimistic concurrency on <see cref="Version"/>), like an incident; each change collects the
/// timeline entries and notices it produced.
/// </summary>
/// <remarks>
/// Deadlines: Freshdesk's <c>fr_due_by</c>/<c>due_by</c> when it sends them, else the plan's <c>tickets:</c>
/// target for the priority counted from <c>created_at</c> (calendar time). While the ticket is Pending the
/// clock pauses; on leaving Pending both deadlines move on by the paused time. When Freshdesk later sends a
/// different due date, that date is taken as it is (Freshdesk already counted the pause into it).
/// First response ends the first-response clock (Freshdesk's <c>stats.first_responded_at</c>); Resolved or
/// Closed ends the watch.
/// </remarks>
public sealed partial class WatchedTicket
{
    /// <summary>Targets for a priority the plan leaves out.</summary>
    public static readonly TicketTarget FallbackTarget = new(TimeSpan.FromHours(8), TimeSpan.FromDays(3), "sev3");

    public long TicketId { get; private set; }
    public string Subject { get; private set; } = "";
    public string? Description { get; private set; }
    public int Priority { get; private set; }
    public int Status { get; private set; }
    public string? Requester { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The <c>fr_due_by</c> and <c>due_by</c> Freshdesk sent last; null when it sent none.</summary>
    public DateTimeOffset? ApiRespondBy { get; private set; }
    public DateTimeOffset? ApiResolveBy { get; private set; }

    /// <summary>The deadlines before any pause: Freshdesk's, or the plan's fallback.</summary>
    public DateTimeOffset BaseRespondBy { get; private set; }
    public DateTimeOffset BaseResolveBy { get; private set; }

    /// <summary>Time spent Pending since the base deadlines were set; added to them.</summary>
    public TimeSpan RespondCredit { get; private set; }
    public TimeSpan ResolveCredit { get; private set; }
    public DateTimeOffset? FirstRespondedAt { get; private set; }

    /// <summary>Set while the ticket is Pending: the SLA clock stands still.</summary>
    public DateTimeOffset? PausedSince { get; private set; }

    /// <summary>Ladder level paged for this ticket; 0 until its first escalation.</summary>
    public int Level { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public bool RespondWarned { get; private set; }
    public bool ResolveWarned { get; private set; }
    public DateTimeOffset? RespondBreachedAt { get; private set; }
    public DateTimeOffset? ResolveBreachedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>Optimistic-concurrency token; also stamps the ticket's timers.</summary>
    public int Version { get; private set; }

    public DateTimeOffset RespondBy => BaseRespondBy + RespondCredit;
    public DateTimeOffset ResolveBy => BaseResolveBy + ResolveCredit;
    public bool IsFinished => TicketCodes.IsFinished(Status);
    public bool IsPaused => PausedSince is not null;
    public bool AwaitsFirstResponse => FirstRespondedAt is null;
    public string Name => $"ticket #{TicketId}";

    private readonly List<TicketTimelineEntry> _entries = [];
    private readonly List<Notice> _notices = [];

    private WatchedTicket()
    {
    }

    /// <summary>Entries written by the current change, not yet saved.</summary>
    public IReadOnlyList<TicketTimelineEntry> NewTimelineEntries => _entries;

    /// <summary>Notices produced by the current change, not yet saved to the outbox.</summary>
    public IReadOnlyList<Notice> Notices => _notices;

    /// <summary>Starts watching a ticket seen for the first time.</summary>
    public static WatchedTicket Start(TicketSnapshot snapshot, ResponsePlan plan, DateTimeOffset now)
    {
        var ticket = new WatchedTicket { TicketId = snapshot.Id, CreatedAt = snapshot.CreatedAt, Status = snapshot.Status, Version = 1 };
        ticket.CopyDetails(snapshot);
        ticket.SetDeadlines(snapshot, plan, respond: true, resolve: true);
        ticket.FirstRespondedAt = snapshot.FirstRespondedAt;
        if (snapshot.Status == TicketCodes.Pending)
            ticket.PausedSince = now;
        ticket.LastSeenAt = now;
        ticket.Record(now, "watching",
            $"Watching {ticket.Name} ({TicketCodes.PriorityName(ticket.Priority)}, {TicketCodes.StatusName(ticket.Status)}): first response due {Utc(ticket.RespondBy)}, resolution due {Utc(ticket.ResolveBy)}.");
        return ticket;
    }

    // Every change (Observe, Escalate, Fire) starts from nothing produced and, when it changed the ticket, moves the
    // version on so timers planned before it become stale.
    private T Change<T>(Func<T> change, Func<T, bool> changed)
    {
        _entries.Clear();
        _notices.Clear();
        var result = change();
        if (changed(result))
            Version++;
        return result;
    }

    /// <summary>The plan's target for this ticket's priority.</summary>
    public TicketTarget Target(ResponsePlan plan) =>
        plan.Tickets.TryGetValue(TicketCodes.PriorityKey(Priority), out var target) ? target : FallbackTarget;

    private void CopyDetails(TicketSnapshot snapshot)
    {
        Subject = Clip(snapshot.Subject.Trim(), 500);
        Description = snapshot.DescriptionText is { } text ? Clip(text.Trim(), Incident.MaxTextLength) : null;
        Priority = snapshot.Priority;
        Requester = snapshot.Requester is { } who ? Clip(who, 200) : null;
    }

    private void SetDeadlines(TicketSnapshot snapshot, ResponsePlan plan, bool respond, bool resolve)
    {
        var target = plan.Tickets.TryGetValue(TicketCodes.PriorityKey(snapshot.Priority), out var t) ? t : FallbackTarget;
        if (respond)
        {
            ApiRespondBy = snapshot.FirstResponseDue;
            BaseRespondBy = snapshot.FirstResponseDue ?? snapshot.CreatedAt + target.RespondWithin;
            RespondCredit = TimeSpan.Zero;
        }

        if (resolve)
        {
            ApiResolveBy = snapshot.ResolutionDue;
            BaseResolveBy = snapshot.ResolutionDue ?? snapshot.CreatedAt + target.ResolveWithin;
            ResolveCredit = TimeSpan.Zero;
        }
    }

    private void Record(DateTimeOffset at, string action, string text, Actor? who = null)
    {
        who ??= Actor.Timer;
        _entries.Add(new TicketTimelineEntry(TicketId, at, who.Id, who.Name, action, text));
    }

    private void Notify(NoticeKind kind, Audience audience, string text, string? personId = null) =>
        _notices.Add(new Notice(kind, audience, text, personId));

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    internal static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
