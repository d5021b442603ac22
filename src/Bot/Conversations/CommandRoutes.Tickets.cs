using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Conversations;

public sealed partial class CommandRoutes
{
    // Every ticket command first refetches the ticket, so the card and the decision use Freshdesk's current state.
    private void RouteTickets()
    {
        Route<TicketShowCommand>(async (_, x, ct) =>
            await RefreshAsync(x.TicketId, ct) ?? TicketReply(await _ticketDesk.ShowAsync(x.TicketId, ct)));
        Route<TicketEscalateCommand>(async (c, x, ct) =>
            await RefreshAsync(x.TicketId, ct) ?? TicketReply(await _ticketDesk.EscalateAsync(c.Who, x.TicketId, x.Reason, ct)));
        Route<TicketPromoteCommand>(async (c, x, ct) =>
            await RefreshAsync(x.TicketId, ct) ?? Reply(await _desk.PromoteTicketAsync(c.Who, x.TicketId, x.Severity, ct)));
        Route<LinkTicketCommand>(async (c, x, ct) =>
        {
            if (await c.IncidentAsync(x.IncidentNumber) is not { } number)
                return TurnReply.Say($"Which incident? Name it, e.g. /incident link INC-7 ticket {x.TicketId}.");
            return await RefreshAsync(x.TicketId, ct) ?? Reply(await _desk.LinkTicketAsync(c.Who, number, x.TicketId, ct));
        });
        Route<TicketReplyCommand>(ReplyFormAsync);
    }

    // The reply button opens a form with a draft written for the customer; only its submission sends anything.
    private async Task<TurnReply> ReplyFormAsync(TurnContext context, TicketReplyCommand command, CancellationToken ct)
    {
        if (!_tickets.Enabled)
            return FreshdeskOff();
        var draft = await _desk.DraftTicketReplyAsync(context.Who, command.IncidentNumber, command.TicketId, ct);
        if (draft.Draft is null)
            return TurnReply.Say(draft.Message);
        return new TurnReply(draft.Message, Form: new FormRequest(FormKind.TicketReply, command.IncidentNumber) { TicketId = command.TicketId, Draft = draft.Draft });
    }

    /// <summary>Null when the ticket is now up to date in the watch; otherwise the sentence saying why not.</summary>
    private async Task<TurnReply?> RefreshAsync(long ticketId, CancellationToken ct)
    {
        if (!_tickets.Enabled)
            return FreshdeskOff();
        // Freshdesk failing ends in the turn's error handler, which says what was not done and why.
        var refresh = await _tickets.RefreshAsync(ticketId, ct);
        return refresh.Missing ? TurnReply.Say($"Freshdesk has no ticket #{ticketId}.") : null;
    }

    private static TurnReply TicketReply(TicketResult result) =>
        result.Ticket is { } view && result.Status is DeskStatus.Done or DeskStatus.Unchanged
            ? new TurnReply(result.Message, TicketCard.Render(view))
            : TurnReply.Say(result.Message);
}
