namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident postmortem [INC-n]</c>: a signed link to the incident's post-mortem document.</summary>
public sealed record PostmortemCommand(int? IncidentNumber) : IncidentCommand;
