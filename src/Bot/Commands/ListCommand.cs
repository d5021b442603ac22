namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident list [open|mine] [sevN]</c>; <see cref="Severity"/> narrows either filter.</summary>
public sealed record ListCommand(ListFilter Filter, string? Severity) : IncidentCommand;
