namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident oncall</c>.</summary>
public sealed record OnCallCommand : IncidentCommand;
