namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>Where an incident stands. <see cref="Open"/> is the superstate of the first three.</summary>
public enum IncidentState
{
    /// <summary>Superstate of Reported, Acknowledged and Mitigated; an incident is never in it directly.</summary>
    Open,

    /// <summary>Reported and not yet acknowledged at its current ladder level.</summary>
    Reported,
    Acknowledged,
    Mitigated,
    Resolved,

    /// <summary>Resolved, closing asked for, and waiting for the root-cause analysis its severity requires.</summary>
    RcaPending,
    Closed,
    Cancelled,
}
