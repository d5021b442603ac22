using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>Turns a pressed button into the command it stands for, so buttons and typed commands share one path.</summary>
internal static class ButtonCommands
{
    public static ParseResult From(InboundAction action)
    {
        if (action.ActionId is ActionIds.TicketEscalate or ActionIds.TicketPromote)
        {
            if (!long.TryParse(action.Value, out var ticket) || ticket <= 0)
                return ParseResult.Failure($"That button carries no ticket id ('{action.Value}').");
            return action.ActionId == ActionIds.TicketEscalate
                ? new TicketEscalateCommand(ticket, "escalated from the ticket card")
                : new TicketPromoteCommand(ticket, null);
        }

        if (!IncidentId.TryParse(action.Value, out var number))
            return ParseResult.Failure($"That button carries no incident id ('{action.Value}').");
        return action.ActionId switch
        {
            ActionIds.Acknowledge => new AcknowledgeCommand(number),
            ActionIds.Escalate => new EscalateCommand(number, "escalated from the incident card"),
            ActionIds.Resolve => new ResolveCommand(number, "Resolved from the incident card."),
            ActionIds.Close => new CloseCommand(number),
            ActionIds.Rca => new RcaFormCommand(number),
            _ => ParseResult.Failure($"Unknown button '{action.ActionId}'."),
        };
    }
}

/// <summary>The RCA button: open the RCA form of an incident.</summary>
public sealed record RcaFormCommand(int IncidentNumber) : IncidentCommand;
