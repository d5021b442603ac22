namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>How many incidents of one severity were opened, resolved and cancelled in a window, and how many were open at its end.</summary>
public sealed record SeverityCounts(string SeverityId, string Name, int Opened, int Resolved, int StillOpen, int Cancelled)
{
    public bool IsEmpty => Opened == 0 && Resolved == 0 && StillOpen == 0 && Cancelled == 0;
}

/// <summary>
/// Median and 90th percentile of a set of durations by the nearest-rank method: the p-th percentile of
/// n sorted values is the value at 1-based rank ceil(p/100 x n). It is always one of the measured values,
/// never an interpolation; the median of an even count is the lower middle value.
/// Both are null when <see cref="Count"/> is zero.
/// </summary>
public sealed record DurationStats(int Count, TimeSpan? Median, TimeSpan? P90)
{
    public static DurationStats None { get; } = new(0, null, null);

    public static DurationStats Of(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        return sorted.Count == 0
            ? None
            : new DurationStats(sorted.Count, NearestRank.Percentile(sorted, 50), NearestRank.Percentile(sorted, 90));
    }
}

/// <summary>How many SLA outcomes in a window were met and missed.</summary>
public sealed record Compliance(int Met, int Missed)
{
    public int Total => Met + Missed;

    /// <summary>Share met, 0 to 100; null when nothing was due.</summary>
    public double? Percent => Total == 0 ? null : 100.0 * Met / Total;
}

/// <summary>An incident named in a summary; a private incident is named by its id alone, with <see cref="PrivateTitle"/>.</summary>
public sealed record IncidentRef(int Number, string Title, string SeverityId)
{
    /// <summary>What a summary shows in place of a private incident's title: managers' channels may hold more people than its members.</summary>
    public const string PrivateTitle = "(private)";

    public string Id => Incidents.IncidentId.Format(Number);
}

/// <summary>An incident in RcaPending and how long it has waited; <see cref="Overdue"/> once past the plan's due window.</summary>
public sealed record PendingRca(IncidentRef Incident, TimeSpan Age, bool Overdue);

/// <summary>An RCA a manager waived in the window: who, and the reason they gave.</summary>
public sealed record WaivedRca(IncidentRef Incident, string WaivedBy, string Reason);

/// <summary>A slow incident: time to resolve, or when <see cref="StillOpen"/>, how long it has been open.</summary>
public sealed record SlowIncident(IncidentRef Incident, TimeSpan Duration, bool StillOpen);
