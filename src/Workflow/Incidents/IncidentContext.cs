using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>What an incident needs to know while it changes: the plan in force and the current time.</summary>
public sealed record IncidentContext(ResponsePlan Plan, DateTimeOffset Now);
