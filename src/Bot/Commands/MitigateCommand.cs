namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident mitigate [INC-n] &lt;note&gt;</c>.</summary>
public sealed record MitigateCommand(int? IncidentNumber, string Note) : IncidentCommand;
