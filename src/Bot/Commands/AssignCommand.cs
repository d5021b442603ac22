namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident assign [INC-n] &lt;@person&gt;</c>.</summary>
public sealed record AssignCommand(int? IncidentNumber, PersonMention Person) : IncidentCommand;
