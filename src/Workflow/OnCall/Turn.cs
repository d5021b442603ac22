namespace Jivrus.IncidentBot.Workflow.OnCall;

/// <summary>
/// A stretch of time one person is on call for a rotation: a scheduled shift, or the part of one an override hands
/// to someone else (<see cref="Override"/> set).
/// </summary>
public sealed record Turn(string RotationId, string PersonId, DateTimeOffset From, DateTimeOffset Until, OnCallOverride? Override);
