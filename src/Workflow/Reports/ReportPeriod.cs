namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>The window a summary covers, ending at the moment it is built.</summary>
public enum ReportPeriod
{
    /// <summary>The last day: from the same wall-clock time one day earlier in the plan's time zone.</summary>
    Day,

    /// <summary>The last seven days: from the same wall-clock time seven days earlier in the plan's time zone.</summary>
    Week,
}
