namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>
/// The figures managers get for one window, <see cref="Start"/> inclusive to <see cref="End"/> exclusive.
/// Cancelled incidents (false alarms, duplicates) count as opened and cancelled but are left out of MTTA,
/// MTTR, SLA compliance and the slowest list. An incident is counted under its current severity.
/// </summary>
public sealed record Summary
{
    public required ReportPeriod Period { get; init; }

    /// <summary>First instant of the window (UTC).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The instant the window ends (UTC), not itself inside it.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>The plan's time zone, in which the window is shown.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>One row per severity of the plan, most urgent first.</summary>
    public required IReadOnlyList<SeverityCounts> Severities { get; init; }

    /// <summary>Report to first acknowledgement, over incidents first acknowledged in the window.</summary>
    public required DurationStats Mtta { get; init; }

    /// <summary>Report to resolution, over incidents resolved in the window (their last resolution in it).</summary>
    public required DurationStats Mttr { get; init; }

    /// <summary>
    /// Acknowledged by level 1's acknowledge-by, counted from the report. An incident counts in the window
    /// where its outcome became known: at its first acknowledgement when that was on time, else at the
    /// deadline (acknowledged late or not at all). One resolved before its deadline without an
    /// acknowledgement needed none and is not counted.
    /// </summary>
    public required Compliance Acknowledge { get; init; }

    /// <summary>
    /// Resolved by the severity's resolve-by. As for <see cref="Acknowledge"/>, an incident counts once, in the
    /// window where its outcome became known: at its resolution when on time, else at the deadline, so an
    /// unresolved incident whose deadline passed in the window is a miss there.
    /// </summary>
    public required Compliance Resolve { get; init; }

    /// <summary>Incidents whose resolve deadline was announced as breached in the window.</summary>
    public required IReadOnlyList<IncidentRef> Breaches { get; init; }

    /// <summary>Incidents escalated to the top of the ladder (management) in the window.</summary>
    public required IReadOnlyList<IncidentRef> ReachedManagement { get; init; }

    /// <summary>Incidents waiting for their root-cause analysis at the end of the window, oldest first.</summary>
    public required IReadOnlyList<PendingRca> PendingRcas { get; init; }

    /// <summary>RCAs waived by a manager in the window, in the order they were waived.</summary>
    public IReadOnlyList<WaivedRca> WaivedRcas { get; init; } = [];

    /// <summary>Up to five incidents that took longest to resolve in the window or are open longest at its end.</summary>
    public required IReadOnlyList<SlowIncident> Slowest { get; init; }

    /// <summary>The incidents monitoring opened, counted again on their own; <see cref="MonitoringFigures.None"/> when there were none.</summary>
    public MonitoringFigures Monitoring { get; init; } = MonitoringFigures.None;

    /// <summary>Drills (practice incidents), reported here alone: they are in no other figure of the summary.</summary>
    public DrillSummary Drills { get; init; } = DrillSummary.None;

    /// <summary>Freshdesk tickets whose first-response or resolution deadline was breached in the window, by priority (most urgent first).</summary>
    public IReadOnlyList<TicketBreachCounts> TicketBreaches { get; init; } = [];

    /// <summary>Corrective actions overdue at the end of the window per owner, and the share done on time in it.</summary>
    public ActionFigures Actions { get; init; } = ActionFigures.None;

    /// <summary>The counts of every severity added up.</summary>
    public SeverityCounts Total => new(
        "all",
        "All",
        Severities.Sum(s => s.Opened),
        Severities.Sum(s => s.Resolved),
        Severities.Sum(s => s.StillOpen),
        Severities.Sum(s => s.Cancelled));
}

/// <summary>Tickets of one Freshdesk priority breached in a window: for first response, for resolution.</summary>
public sealed record TicketBreachCounts(string Priority, int FirstResponse, int Resolution);
