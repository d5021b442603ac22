using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>A corrective action as written, before it is numbered: its text, and its owner and due date when given.</summary>
public sealed record ActionSpec(string Text, Person? Owner, DateTimeOffset? DueAt);
