using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Desk;

namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>
/// The immediate answer to a turn, shown only to the person who asked (Slack ephemeral, Teams reply,
/// local page). Public posts never go here: they go through the outbox.
/// </summary>
/// <param name="Text">Always set: the sentence to show.</param>
/// <param name="Card">A card given with it (a ticket card); an incident's card comes from <see cref="Incident"/>.</param>
/// <param name="Form">Set when the channel should open a form instead (bare report, RCA, customer reply).</param>
public sealed record TurnReply(string Text, Card? Card = null, FormRequest? Form = null)
{
    /// <summary>The incident the answer is about (<c>/incident show</c>, or the incident as a change left it).</summary>
    public IncidentView? Incident { get; init; }

    /// <summary>
    /// True when the card only shows the incident after a change this turn made (or found already made), rather than
    /// being what the person asked to see (<c>/incident show</c>). The incident's own posts carry the live card and are
    /// updated in place on every change; a channel whose answers cannot be updated afterwards (Slack's ephemeral
    /// replies) answers with the sentence alone instead of a copy of the card that goes stale.
    /// </summary>
    public bool ConfirmsChange { get; init; }

    /// <summary>True when there is a card to show, given or the incident's.</summary>
    public bool HasCard => Card is not null || Incident is not null;

    /// <summary>
    /// The card a channel shows with the answer: the one given, else the incident's. Rendered when read, so a channel
    /// that leaves the card out (see <see cref="ConfirmsChange"/>) does not pay for building it.
    /// </summary>
    public Card? CardToShow => Card ?? (Incident is { } view ? IncidentCard.Render(view) : null);

    public static TurnReply Say(string text) => new(text);

    /// <summary>An answer about an incident, shown with its card where the channel shows one.</summary>
    public static TurnReply About(string text, IncidentView incident, bool confirmsChange) =>
        new(DrillMarker.Mark(text, incident)) { Incident = incident, ConfirmsChange = confirmsChange };
}

/// <summary>A form the channel should open: the report form, or the RCA form of an incident.</summary>
public sealed record FormRequest(FormKind Kind, int? IncidentNumber = null, string? Severity = null)
{
    /// <summary>The ticket whose customer a <see cref="FormKind.TicketReply"/> form answers.</summary>
    public long? TicketId { get; init; }

    /// <summary>The text to pre-fill the form with (the customer reply's draft).</summary>
    public string? Draft { get; init; }
}

public enum FormKind
{
    Report,
    Rca,

    /// <summary>The reply to the customer of a ticket linked to a resolved incident, pre-filled with a draft.</summary>
    TicketReply,
}

/// <summary>What a person typed into the report form; <paramref name="Private"/> is its Private checkbox.</summary>
public sealed record ReportForm(string? Title, string? Severity, string? Impact, string? Description, bool Private = false);

/// <summary>What a person typed into the RCA form.</summary>
public sealed record RcaForm(int IncidentNumber, string? RootCause, string? ContributingFactors, string? CorrectiveActions);

/// <summary>What a person wrote to the customer of a ticket in the reply form.</summary>
public sealed record TicketReplyForm(long TicketId, int IncidentNumber, string? Reply);

/// <summary>
/// The answer to a form: field errors to show inside the form (keyed by field: <c>title</c>, <c>severity</c>,
/// <c>impact</c>, <c>description</c>, <c>root_cause</c>, <c>factors</c>, <c>actions</c>, <c>reply</c>), or the reply when accepted.
/// </summary>
public sealed record FormResult(IReadOnlyDictionary<string, string> Errors, TurnReply? Reply)
{
    public bool Accepted => Errors.Count == 0;
}
