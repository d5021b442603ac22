namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident cancel [INC-n] &lt;reason&gt;</c>.</summary>
public sealed record CancelCommand(int? IncidentNumber, string Reason) : IncidentCommand;
