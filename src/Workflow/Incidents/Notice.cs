namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>
/// Something people must be told, without saying how: the host renders it for Slack, Teams or the
/// local page. <see cref="Text"/> is always a complete sentence, usable as the plain-text fallback.
/// </summary>
public sealed record Notice(NoticeKind Kind, Audience Audience, string Text, string? PersonId = null);

/// <summary>To whom a notice goes.</summary>
public enum Audience
{
    /// <summary>The plan's announce channel.</summary>
    Announce,

    /// <summary>The plan's management channel.</summary>
    Management,

    /// <summary>The incident's own conversation (its channel or thread).</summary>
    Incident,

    /// <summary>One person, directly; <see cref="Notice.PersonId"/> names them.</summary>
    Person,

    /// <summary>The plan's support channel (tickets).</summary>
    Support,
}

/// <summary>What kind of post a notice becomes.</summary>
public enum NoticeKind
{
    /// <summary>Post the incident card (first appearance in that conversation).</summary>
    Card,

    /// <summary>The incident changed: update its card in place wherever it was posted.</summary>
    CardUpdate,

    /// <summary>Page a responder: a direct message with the card and its buttons.</summary>
    Page,

    /// <summary>A plain message.</summary>
    Message,

    /// <summary>Ask for the root-cause analysis (an RCA form or button).</summary>
    RcaPrompt,

    /// <summary>Remind the owner that an update is due, with update and snooze buttons.</summary>
    UpdateNudge,

    /// <summary>A warning or breach of an SLA deadline.</summary>
    Alert,

    /// <summary>Offer the customer-facing reply on a ticket as a button; nothing is sent until a person presses it.</summary>
    ReplyOffer,

    /// <summary>Remind the owner of a corrective action that it is due soon or overdue, with a Done button.</summary>
    ActionReminder,

    /// <summary>
    /// A rotation changed hands: keep its chat group (the Slack user group) equal to whoever is on call now. Not a
    /// post; <see cref="Notice.PersonId"/> names the rotation, and a chat without such groups ignores it.
    /// </summary>
    OnCallGroup,

    /// <summary>An incident's alerts resolved but the incident stays open (a person acted on it): ask its owner to resolve it, with a Resolve button.</summary>
    AlertsResolved,
}
