namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident summary [day|week]</c>.</summary>
public sealed record SummaryCommand(SummaryPeriod Period) : IncidentCommand;
