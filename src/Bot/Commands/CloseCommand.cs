namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident close [INC-n]</c>.</summary>
public sealed record CloseCommand(int? IncidentNumber) : IncidentCommand;
