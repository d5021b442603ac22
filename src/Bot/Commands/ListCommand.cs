namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident list [open|mine|closed] [sevN]</c>; <see cref="Severity"/> narrows the open and mine filters.</summary>
public sealed record ListCommand(ListFilter Filter, string? Severity) : IncidentCommand;
