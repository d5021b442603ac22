namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident timeline [INC-n]</c>.</summary>
public sealed record TimelineCommand(int? IncidentNumber) : IncidentCommand;
