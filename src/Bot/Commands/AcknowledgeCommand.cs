namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident ack [INC-n]</c>.</summary>
public sealed record AcknowledgeCommand(int? IncidentNumber) : IncidentCommand;
