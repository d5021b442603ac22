namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// <c>/incident sev [INC-n] &lt;sevN|name&gt;</c>; <see cref="Severity"/> is <c>sev1</c>..<c>sev9</c> when given as a
/// number, else the words as typed (a severity's name or alias); the plan decides which exist.
/// </summary>
public sealed record SeverityCommand(int? IncidentNumber, string Severity) : IncidentCommand;
