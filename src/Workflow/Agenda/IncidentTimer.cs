namespace Jivrus.IncidentBot.Workflow.Agenda;

/// <summary>
/// One planned deadline, stored as a row: fires once at <see cref="DueAt"/> unless the incident moved on
/// since it was planned (its version no longer equals <see cref="IncidentVersion"/>).
/// </summary>
public sealed class IncidentTimer
{
    public long Id { get; private set; }
    public int IncidentNumber { get; private set; }
    public TimerKind Kind { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public int IncidentVersion { get; private set; }

    /// <summary>Set while a host is firing the timer, so another replica leaves it alone until then.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    private IncidentTimer()
    {
    }

    public IncidentTimer(int incidentNumber, TimerKind kind, DateTimeOffset dueAt, int incidentVersion)
    {
        IncidentNumber = incidentNumber;
        Kind = kind;
        DueAt = dueAt;
        IncidentVersion = incidentVersion;
    }

    /// <summary>Moves the timer to a later instant (out of hours for a business-hours severity) and frees its claim.</summary>
    public void Postpone(DateTimeOffset dueAt)
    {
        DueAt = dueAt;
        ClaimedUntil = null;
    }

    public override string ToString() => $"{Kind} of INC-{IncidentNumber} at {DueAt:u} (v{IncidentVersion})";
}
