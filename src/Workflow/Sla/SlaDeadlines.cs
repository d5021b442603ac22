namespace Jivrus.IncidentBot.Workflow.Sla;

/// <summary>
/// The SLA deadlines of one incident, all in UTC (offset zero).
/// </summary>
/// <param name="AcknowledgeBy">When the current escalation level must have acknowledged.</param>
/// <param name="NextUpdateBy">When the next status update is due.</param>
/// <param name="ResolveBy">When the incident must be resolved, measured from the report.</param>
/// <param name="RcaDueBy">When the root-cause analysis is due; null when none is required or its clock has not started.</param>
public sealed record SlaDeadlines(DateTimeOffset AcknowledgeBy, DateTimeOffset NextUpdateBy, DateTimeOffset ResolveBy, DateTimeOffset? RcaDueBy);
