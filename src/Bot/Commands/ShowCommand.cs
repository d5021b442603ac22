namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident show [INC-n]</c>.</summary>
public sealed record ShowCommand(int? IncidentNumber) : IncidentCommand;
