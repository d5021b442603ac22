namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>A line typed on the page. <see cref="User"/> is a plan person id or a guest's name.</summary>
/// <param name="Conversation">Where it was typed (<c>#incidents</c> when left out); in <c>#inc-7</c> the id may be left out.</param>
public sealed record LocalMessageRequest(string? User, string? Text, string? Conversation = null);

/// <summary>A card button pressed on the page.</summary>
public sealed record LocalActionRequest(string? User, string? ActionId, string? Value, string? Conversation = null);

/// <summary>The immediate answer, shown only to the person who asked.</summary>
public sealed record LocalReply(string Text, LocalCard? Card, LocalForm? Form);

/// <summary>A form the page should show: <c>report</c>, <c>rca</c> of an incident, or <c>ticketreply</c> (pre-filled with <see cref="Draft"/>).</summary>
public sealed record LocalForm(string Kind, int? IncidentNumber, string? Severity, long? TicketId = null, string? Draft = null);

/// <summary>The reply form of a ticket submitted from the page.</summary>
public sealed record LocalTicketReplyRequest(string? User, long TicketId, int IncidentNumber, string? Reply, string? Conversation = null);

/// <summary>The answer to a form: messages to show beside its fields (the form stays open), or the reply once accepted.</summary>
public sealed record LocalFormReply(IReadOnlyDictionary<string, string> Errors, LocalReply? Reply);

/// <summary>Someone the page offers to speak as.</summary>
public sealed record LocalPerson(string Id, string Name, IReadOnlyList<string> Roles);

/// <summary>A severity the report form offers; the first, with an empty id, is "not sure".</summary>
public sealed record LocalSeverity(string Id, string Name, string Description);
