namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/escalate [INC-n] [reason]</c>.</summary>
public sealed record EscalateCommand(int? IncidentNumber, string? Reason) : IncidentCommand;
