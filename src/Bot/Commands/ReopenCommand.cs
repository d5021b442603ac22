namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident reopen [INC-n]</c>.</summary>
public sealed record ReopenCommand(int? IncidentNumber) : IncidentCommand;
