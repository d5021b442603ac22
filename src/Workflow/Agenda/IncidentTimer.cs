namespace Jivrus.IncidentBot.Workflow.Agenda;

/// <summary>
/// One planned deadline, stored as a row: fires once at <see cref="DueAt"/> unless its subject (an incident, a
/// watched ticket or the summaries) moved on since it was planned (its version no longer equals
/// <see cref="SubjectVersion"/>). <see cref="Subject"/> and <see cref="SubjectId"/> say what it is for.
/// </summary>
public sealed class IncidentTimer
{
    public long Id { get; private set; }
    public TimerSubject Subject { get; private set; }
    public long SubjectId { get; private set; }
    public TimerKind Kind { get; private set; }
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The version of the subject the timer was planned for (the incident's or the ticket's; 0 for summaries).</summary>
    public int SubjectVersion { get; private set; }

    /// <summary>Set while a host is firing the timer, so another replica leaves it alone until then.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    private IncidentTimer()
    {
    }

    /// <summary>A timer of incident <paramref name="incidentNumber"/>.</summary>
    public IncidentTimer(int incidentNumber, TimerKind kind, DateTimeOffset dueAt, int incidentVersion)
        : this(TimerSubject.Incident, incidentNumber, kind, dueAt, incidentVersion)
    {
    }

    private IncidentTimer(TimerSubject subject, long subjectId, TimerKind kind, DateTimeOffset dueAt, int version)
    {
        Subject = subject;
        SubjectId = subjectId;
        Kind = kind;
        DueAt = dueAt;
        SubjectVersion = version;
    }

    /// <summary>A timer of watched ticket <paramref name="ticketId"/>, planned for the ticket's <paramref name="ticketVersion"/>.</summary>
    public static IncidentTimer ForTicket(long ticketId, TimerKind kind, DateTimeOffset dueAt, int ticketVersion) =>
        new(TimerSubject.Ticket, ticketId, kind, dueAt, ticketVersion);

    /// <summary>The next daily or weekly summary.</summary>
    public static IncidentTimer ForSummary(TimerKind kind, DateTimeOffset dueAt) => new(TimerSubject.Summary, 0, kind, dueAt, 0);

    /// <summary>A timer of corrective action <paramref name="actionId"/> (its row id), planned for the action's <paramref name="actionVersion"/>.</summary>
    public static IncidentTimer ForAction(long actionId, TimerKind kind, DateTimeOffset dueAt, int actionVersion) =>
        new(TimerSubject.Action, actionId, kind, dueAt, actionVersion);

    /// <summary>The next on-call handoff.</summary>
    public static IncidentTimer ForHandoff(DateTimeOffset dueAt) => new(TimerSubject.OnCall, 0, TimerKind.Handoff, dueAt, 0);

    /// <summary>The incident number of an incident's timer.</summary>
    public int IncidentNumber => Subject == TimerSubject.Incident
        ? checked((int)SubjectId)
        : throw new InvalidOperationException($"{this} is not an incident's timer.");

    /// <summary>Moves the timer to a later instant (out of hours for a business-hours severity) and frees its claim.</summary>
    public void Postpone(DateTimeOffset dueAt)
    {
        DueAt = dueAt;
        ClaimedUntil = null;
    }

    public override string ToString() => Subject switch
    {
        TimerSubject.Incident => $"{Kind} of INC-{SubjectId} at {DueAt:u} (v{SubjectVersion})",
        TimerSubject.Ticket => $"{Kind} of ticket #{SubjectId} at {DueAt:u} (v{SubjectVersion})",
        TimerSubject.Action => $"{Kind} of action {SubjectId} at {DueAt:u} (v{SubjectVersion})",
        _ => $"{Kind} at {DueAt:u}",
    };
}
