namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>A line typed on the page. <see cref="User"/> is a plan person id or a guest's name.</summary>
/// <param name="Conversation">Where it was typed (<c>#incidents</c> when left out); in <c>#inc-7</c> the id may be left out.</param>
public sealed record LocalMessageRequest(string? User, string? Text, string? Conversation = null);

/// <summary>A card button pressed on the page.</summary>
public sealed record LocalActionRequest(string? User, string? ActionId, string? Value, string? Conversation = null);

/// <summary>The immediate answer, shown only to the person who asked.</summary>
public sealed record LocalReply(string Text, LocalCard? Card, LocalForm? Form);

/// <summary>
/// A form the page should show, as every channel shows it: <see cref="Kind"/> is <c>report</c>, <c>rca</c> or
/// <c>ticket-reply</c>, and its values go back as a <see cref="LocalFormRequest"/> to <c>POST /local/forms/{kind}</c>.
/// </summary>
/// <param name="Intro">A sentence between the title and the fields, or null.</param>
/// <param name="IncidentNumber">The incident an RCA or customer reply is about; sent back with the values.</param>
/// <param name="TicketId">The ticket whose customer a reply answers; sent back with the values.</param>
public sealed record LocalForm(string Kind, string Title, string Submit, string? Intro, int? IncidentNumber, long? TicketId, IReadOnlyList<LocalFormField> Fields);

/// <summary>One input of a <see cref="LocalForm"/>. <see cref="Kind"/> is <c>line</c>, <c>text</c>, <c>choice</c> or <c>toggle</c>.</summary>
/// <param name="Placeholder">Shown in the empty input; for an optional choice, the wording of choosing nothing.</param>
/// <param name="Value">What the input opens with (a toggle that is on: <c>true</c>), or null.</param>
public sealed record LocalFormField(
    string Key, string Label, string Kind, string? Placeholder, int? MaxLength, bool Optional, string? Hint, IReadOnlyList<LocalFormChoice> Choices, string? Value);

/// <summary>An option of a choice, or the one option a toggle turns on.</summary>
public sealed record LocalFormChoice(string Value, string Text, string? Description);

/// <summary>
/// A form submitted from the page: its values by field key (a toggle as <c>true</c> or <c>false</c>), with the incident
/// and ticket the form was opened for.
/// </summary>
public sealed record LocalFormRequest(
    string? User, IReadOnlyDictionary<string, string?>? Values, string? Conversation = null, int? IncidentNumber = null, long? TicketId = null);

/// <summary>The answer to a form: messages to show beside its fields (the form stays open), or the reply once accepted.</summary>
public sealed record LocalFormReply(IReadOnlyDictionary<string, string> Errors, LocalReply? Reply);

/// <summary>Someone the page offers to speak as.</summary>
public sealed record LocalPerson(string Id, string Name, IReadOnlyList<string> Roles);
