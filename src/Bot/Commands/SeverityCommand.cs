namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident sev [INC-n] &lt;sevN&gt;</c>; <see cref="Severity"/> is normalised to <c>sev1</c>..<c>sev9</c>, the plan decides which exist.</summary>
public sealed record SeverityCommand(int? IncidentNumber, string Severity) : IncidentCommand;
