namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/ticket escalate &lt;id&gt; [reason]</c>.</summary>
public sealed record TicketEscalateCommand(long TicketId, string? Reason) : IncidentCommand;
