using Jivrus.IncidentBot.Workflow.Desk;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>The answer to the reply button: the draft to edit (when <see cref="Status"/> is Done), or why there is none.</summary>
/// <param name="Status">Done when there is a draft; otherwise why not (refused, already sent, not resolved).</param>
/// <param name="Message">The sentence for the person who pressed the button.</param>
/// <param name="Draft">The customer-facing reply to pre-fill the form with.</param>
public sealed record TicketReplyDraft(DeskStatus Status, string Message, string? Draft);
