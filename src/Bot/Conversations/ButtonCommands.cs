using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

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

        if (action.ActionId == ActionIds.TicketReply)
        {
            // Reply buttons carry "42:INC-7": the ticket and the resolved incident the reply is about.
            var parts = action.Value.Split(':', 2);
            return parts.Length == 2 && long.TryParse(parts[0], out var replyTicket) && replyTicket > 0 && IncidentId.TryParse(parts[1], out var resolved)
                ? new TicketReplyCommand(replyTicket, resolved)
                : ParseResult.Failure($"That button carries no ticket and incident ('{action.Value}').");
        }

        // Severity buttons carry "INC-7 sev2": the same as /incident sev INC-7 sev2, with its authorisation.
        if (action.ActionId == ActionIds.Severity)
        {
            var parts = action.Value.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2 && IncidentId.TryParse(parts[0], out var triaged) && Severities.TryParse(parts[1], bareDigit: false, out var picked)
                ? new SeverityCommand(triaged, picked)
                : ParseResult.Failure($"That button carries no incident and severity ('{action.Value}').");
        }

        // Done buttons of action reminders carry "INC-7 #2": the same as /incident action done INC-7 2.
        if (action.ActionId == ActionIds.ActionDone)
        {
            var parts = action.Value.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2 && IncidentId.TryParse(parts[0], out var incident)
                && int.TryParse(parts[1].TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) && k > 0
                ? new ActionDoneCommand(incident, k)
                : ParseResult.Failure($"That button carries no incident and action ('{action.Value}').");
        }

        // Snooze buttons carry "INC-7:15m": the incident and how long.
        var value = action.Value;
        TimeSpan? snooze = null;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && DurationText.TryParse(value[(colon + 1)..], out var parsed))
        {
            snooze = parsed;
            value = value[..colon];
        }

        if (!IncidentId.TryParse(value, out var number))
            return ParseResult.Failure($"That button carries no incident id ('{action.Value}').");
        return action.ActionId switch
        {
            ActionIds.Acknowledge => new AcknowledgeCommand(number),
            ActionIds.Escalate => new EscalateCommand(number, "escalated from the incident card"),
            ActionIds.Resolve => new ResolveCommand(number, "Resolved from the incident card."),
            ActionIds.Close => new CloseCommand(number),
            ActionIds.Rca => new RcaFormCommand(number),
            ActionIds.Update => new UpdatePromptCommand(number),
            ActionIds.Waive => new WaivePromptCommand(number),
            ActionIds.Snooze when snooze is { } delay => new SnoozeCommand(number, delay),
            _ => ParseResult.Failure($"Unknown button '{action.ActionId}'."),
        };
    }
}

/// <summary>The update button of a nudge: say how to post the update.</summary>
public sealed record UpdatePromptCommand(int IncidentNumber) : IncidentCommand;

/// <summary>The Waive RCA button: a button carries no reason, so a manager is told the command; others are refused.</summary>
public sealed record WaivePromptCommand(int IncidentNumber) : IncidentCommand;

/// <summary>A snooze button of a nudge.</summary>
public sealed record SnoozeCommand(int IncidentNumber, TimeSpan Delay) : IncidentCommand;

/// <summary>The RCA button: open the RCA form of an incident.</summary>
public sealed record RcaFormCommand(int IncidentNumber) : IncidentCommand;

/// <summary>The reply button of a resolved incident's linked ticket: open the form to write the customer a reply.</summary>
public sealed record TicketReplyCommand(long TicketId, int IncidentNumber) : IncidentCommand;
