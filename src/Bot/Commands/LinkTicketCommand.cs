namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident link [INC-n] ticket &lt;id&gt;</c>.</summary>
public sealed record LinkTicketCommand(int? IncidentNumber, long TicketId) : IncidentCommand;
