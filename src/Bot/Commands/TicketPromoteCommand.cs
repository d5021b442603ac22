namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/ticket incident &lt;id&gt; [sevN]</c>: promote a ticket to an incident.</summary>
public sealed record TicketPromoteCommand(long TicketId, string? Severity) : IncidentCommand;
