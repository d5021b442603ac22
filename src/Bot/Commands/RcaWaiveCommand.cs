namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident rca waive [INC-n] &lt;reason&gt;</c>: a manager closes the incident without its RCA.</summary>
public sealed record RcaWaiveCommand(int? IncidentNumber, string Reason) : IncidentCommand;
