namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// A person as written in a command: exactly one of the ids is set, by form —
/// Slack <c>&lt;@U123&gt;</c> or <c>&lt;@U123|name&gt;</c>, Teams <c>&lt;at&gt;Name&lt;/at&gt;</c>,
/// or a plan person's id or name (<c>@ana</c>, <c>ana</c>, <c>Ana Silva</c>). <see cref="Raw"/> is the token as the user wrote it.
/// </summary>
public sealed record PersonMention(string Raw, string? SlackUserId, string? TeamsName, string? PlanPersonId)
{
    /// <summary>The name after the bar of a Slack <c>&lt;@U123|fay&gt;</c>; used when the plan lacks that Slack id.</summary>
    public string? Label { get; init; }
}
