using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>
/// The one place a notice becomes what people see: from the stored notice and the incident (or ticket) as it
/// stands, the neutral message every chat renders. No channel adds, drops or re-orders its text or buttons.
/// </summary>
public static class NoticeMessages
{
    /// <param name="message">The stored notice: kind, audience, text.</param>
    /// <param name="incident">The incident as it stands now, when the notice belongs to one.</param>
    /// <param name="ticket">The watched ticket, when the notice is about one (a ticket notice is never an incident post).</param>
    public static OutgoingMessage For(OutboxMessage message, IncidentView? incident, TicketView? ticket = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var content = Content(message, incident, ticket);
        return ticket is null ? content with { Text = DrillMarker.Mark(content.Text, incident) } : content;
    }

    private static OutgoingMessage Content(OutboxMessage message, IncidentView? incident, TicketView? ticket)
    {
        return message.Kind switch
        {
            NoticeKind.ReplyOffer when message is { TicketId: { } id, IncidentNumber: { } resolved }
                => new OutgoingMessage(message.Text, TicketCard.ReplyOffer(id, resolved, message.Text)),
            NoticeKind.Card or NoticeKind.Page or NoticeKind.Alert when ticket is not null => new OutgoingMessage(message.Text, TicketCard.Render(ticket)),
            NoticeKind.Card or NoticeKind.CardUpdate or NoticeKind.Page when incident is not null
                => new OutgoingMessage(message.Text, IncidentCard.Render(incident)),
            NoticeKind.RcaPrompt when incident is not null => new OutgoingMessage(message.Text, Buttons: IncidentCard.RcaPromptButtons(incident)),
            NoticeKind.UpdateNudge when incident is not null => new OutgoingMessage(message.Text, Buttons: UpdateNudgeButtons(incident)),
            NoticeKind.ActionReminder when message is { IncidentNumber: { } number, ActionNumber: { } k } => new OutgoingMessage(message.Text, Buttons: ActionReminderButtons(number, k)),
            NoticeKind.AlertsResolved when incident is not null => new OutgoingMessage(message.Text, Buttons: AlertsResolvedButtons(incident)),
            _ => new OutgoingMessage(message.Text),
        };
    }

    /// <summary>
    /// The incident's live card, for a chat that must post it first as the root of the incident's conversation
    /// (a Teams thread) when a notice for that conversation arrives before the card is there.
    /// </summary>
    public static Card? LiveCard(IncidentView? incident) => incident is null ? null : IncidentCard.Render(incident);

    /// <summary>A corrective action's reminder has one button: Done, worth the same as /incident action done INC-n k.</summary>
    public static IReadOnlyList<CardButton> ActionReminderButtons(int incidentNumber, int action) =>
        [new CardButton("Done", ActionIds.ActionDone, $"{IncidentId.Format(incidentNumber)} #{action}", ButtonStyle.Primary)];

    /// <summary>The incident's alerts resolved while a person owns it: one button, worth /incident resolve INC-n.</summary>
    public static IReadOnlyList<CardButton> AlertsResolvedButtons(IncidentView incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return [new CardButton("Resolve", ActionIds.Resolve, incident.Id, ButtonStyle.Primary)];
    }

    /// <summary>The update reminder's buttons: post the update now, or snooze the reminder.</summary>
    public static IReadOnlyList<CardButton> UpdateNudgeButtons(IncidentView incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return
        [
            new CardButton("Post update", ActionIds.Update, incident.Id, ButtonStyle.Primary),
            new CardButton("Snooze 15m", ActionIds.Snooze, $"{incident.Id}:15m"),
            new CardButton("Snooze 30m", ActionIds.Snooze, $"{incident.Id}:30m"),
            new CardButton("Snooze 1h", ActionIds.Snooze, $"{incident.Id}:1h"),
        ];
    }
}
