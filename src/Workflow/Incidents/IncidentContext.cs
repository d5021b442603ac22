using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>
/// What an incident needs to know while it changes: the plan in force, the current time, and who is on call
/// (<paramref name="OnCall"/>: the plan's rotations with the overrides in force; null means no overrides).
/// </summary>
public sealed record IncidentContext(ResponsePlan Plan, DateTimeOffset Now, OnCallRoster? OnCall = null);
