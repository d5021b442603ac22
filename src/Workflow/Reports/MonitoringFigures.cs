namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>
/// The incidents monitoring opened (their reporter is an alert source), apart from those people reported:
/// how many were opened in the window and their MTTA and MTTR, by the same rules as the summary's own.
/// </summary>
public sealed record MonitoringFigures(int Opened, DurationStats Mtta, DurationStats Mttr)
{
    public static MonitoringFigures None { get; } = new(0, DurationStats.None, DurationStats.None);

    /// <summary>True when no incident from monitoring was opened, acknowledged or resolved in the window.</summary>
    public bool IsEmpty => Opened == 0 && Mtta.Count == 0 && Mttr.Count == 0;
}
