namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// A person as written in a command: exactly one of the ids is set, by form —
/// Slack <c>&lt;@U123&gt;</c> or <c>&lt;@U123|name&gt;</c>, Teams <c>&lt;at&gt;Name&lt;/at&gt;</c>,
/// or a plan person id <c>@ana</c>. <see cref="Raw"/> is the token as the user wrote it.
/// </summary>
public sealed record PersonMention(string Raw, string? SlackUserId, string? TeamsName, string? PlanPersonId);
