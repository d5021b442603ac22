namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident private [INC-n]</c> (<see cref="Private"/>) or <c>/incident public [INC-n]</c>: managers only.</summary>
public sealed record VisibilityCommand(int? IncidentNumber, bool Private) : IncidentCommand;
