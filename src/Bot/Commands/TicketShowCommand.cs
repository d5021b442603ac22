namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/ticket show &lt;id&gt;</c>.</summary>
public sealed record TicketShowCommand(long TicketId) : IncidentCommand;
