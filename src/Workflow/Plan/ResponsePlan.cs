using Jivrus.IncidentBot.Workflow.OnCall;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>
/// The company's Incident Response Plan: severities with their SLA targets, the escalation ladder,
/// the people who may act, where the bot posts, and when summaries go out. Immutable once loaded.
/// </summary>
public sealed record ResponsePlan
{
    /// <summary>The time zone all business hours and summary times are read in.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>Working days and hours used by severities on the business-hours clock.</summary>
    public required BusinessHours BusinessHours { get; init; }

    /// <summary>Severities in order of urgency, most urgent first (sev1 before sev2).</summary>
    public required IReadOnlyList<SeverityPlan> Severities { get; init; }

    /// <summary>The escalation ladder, from first responders up to management.</summary>
    public required EscalationLadder Escalation { get; init; }

    /// <summary>Everyone the plan names, with their chat ids and roles.</summary>
    public required IReadOnlyList<Person> People { get; init; }

    /// <summary>Where announcements, management notices and ticket reminders are posted.</summary>
    public required PlanChannels Channels { get; init; }

    /// <summary>When the daily and weekly summaries are posted, in <see cref="TimeZone"/>.</summary>
    public required SummarySchedule Summaries { get; init; }

    /// <summary>Fallback targets for Freshdesk tickets, by priority name (urgent, high, medium, low).</summary>
    public IReadOnlyDictionary<string, TicketTarget> Tickets { get; init; } = new Dictionary<string, TicketTarget>();

    /// <summary>How long after resolution an incident may still be reopened. Default 7 days.</summary>
    public TimeSpan ReopenWithin { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The severity a report gets when it names none. Empty (the default): such a report needs triage and runs on
    /// the most urgent severity's clocks until someone picks one.
    /// </summary>
    public string DefaultSeverity { get; init; } = "";

    /// <summary>The rotations ladder levels may name as <c>rotation:&lt;id&gt;</c>; empty when the plan has none.</summary>
    public IReadOnlyList<Rotation> Rotations { get; init; } = [];

    /// <summary>The monitoring sources that may open incidents through <c>POST /alerts/{source}</c> (<c>alerts:</c>).</summary>
    public IReadOnlyList<AlertSourcePlan> Alerts { get; init; } = [];

    public AlertSourcePlan? FindAlertSource(string id) =>
        Alerts.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase));

    public Rotation? FindRotation(string id) =>
        Rotations.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    public SeverityPlan? FindSeverity(string id) =>
        Severities.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    public SeverityPlan Severity(string id) =>
        FindSeverity(id) ?? throw new KeyNotFoundException($"The plan has no severity '{id}'.");

    public Person? FindPerson(string id) =>
        People.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    public Person? FindBySlackId(string slackId) =>
        People.FirstOrDefault(p => p.Slack is not null && string.Equals(p.Slack, slackId, StringComparison.Ordinal));

    public Person? FindByTeamsId(string teamsId) =>
        People.FirstOrDefault(p => p.Teams is not null && string.Equals(p.Teams, teamsId, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the person is named on one of the first <paramref name="levels"/> levels of the ladder.</summary>
    public bool IsOnLadder(string personId, int levels) =>
        Escalation.Levels.Take(levels).Any(l => l.Responders.Contains(personId, StringComparer.OrdinalIgnoreCase));

    /// <summary>True when the person has the manager role.</summary>
    public bool IsManager(string personId) => HasRole(personId, PersonRoles.Manager);

    /// <summary>True when the person has the responder role: they may act on any incident, paged or not.</summary>
    public bool IsResponder(string personId) => HasRole(personId, PersonRoles.Responder);

    /// <summary>Everyone with the manager role, in plan order.</summary>
    public IEnumerable<Person> Managers =>
        People.Where(p => p.Roles.Contains(PersonRoles.Manager, StringComparer.OrdinalIgnoreCase));

    private bool HasRole(string personId, string role) =>
        FindPerson(personId)?.Roles.Contains(role, StringComparer.OrdinalIgnoreCase) == true;

    /// <summary>The plan's <c>defaultSeverity</c>, or null when unclassified reports need triage.</summary>
    public SeverityPlan? DefaultSeverityOrTriage => FindSeverity(DefaultSeverity);

    /// <summary>The severity whose clocks a report needing triage runs on: the most urgent.</summary>
    public SeverityPlan TriageSeverity => Severities[0];

    /// <summary>Fallback for a stored severity id the plan no longer has: the default, else the least urgent.</summary>
    public SeverityPlan DefaultSeverityPlan =>
        FindSeverity(DefaultSeverity) ?? Severities[^1];
}

/// <summary>One severity and its SLA targets.</summary>
public sealed record SeverityPlan
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";

    /// <summary>Other words that name this severity in a report ("outage", "data loss"); may be empty.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public required TimeSpan AcknowledgeWithin { get; init; }
    public required TimeSpan UpdateEvery { get; init; }
    public required TimeSpan ResolveWithin { get; init; }
    public ClockKind Clock { get; init; } = ClockKind.Calendar;
    public RcaRule Rca { get; init; } = RcaRule.NotRequired;
}

/// <summary>Whether an RCA is required before an incident of a severity may close, and by when.</summary>
public sealed record RcaRule(bool Required, TimeSpan DueWithin)
{
    public static RcaRule NotRequired { get; } = new(false, TimeSpan.Zero);
}

/// <summary>How SLA time is counted for a severity.</summary>
public enum ClockKind
{
    /// <summary>Every minute counts, nights and weekends included.</summary>
    Calendar,

    /// <summary>Only minutes inside the plan's business hours count.</summary>
    BusinessHours,
}

/// <summary>Working days and the working window of each day, in the plan's time zone.</summary>
public sealed record BusinessHours(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    public static BusinessHours Default { get; } = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(9, 0),
        new TimeOnly(18, 0));
}

/// <summary>The escalation ladder. Level 1 is paged first; the last level is management.</summary>
public sealed record EscalationLadder(int RepeatAtTop, IReadOnlyList<EscalationLevel> Levels)
{
    /// <summary>The level at 1-based position <paramref name="number"/>, clamped to the top.</summary>
    public EscalationLevel Level(int number) => Levels[Math.Clamp(number, 1, Levels.Count) - 1];

    public int Top => Levels.Count;
}

/// <summary>One rung of the ladder. <see cref="AcknowledgeWithin"/> overrides the severity's window when set.</summary>
public sealed record EscalationLevel(string Id, string Name, IReadOnlyList<string> Responders, TimeSpan? AcknowledgeWithin = null);

/// <summary>Someone the plan names.</summary>
public sealed record Person(string Id, string Name, string? Slack, string? Teams, string? Email, IReadOnlyList<string> Roles);

/// <summary>Well-known role names.</summary>
public static class PersonRoles
{
    public const string Manager = "manager";

    /// <summary>May change any incident, whether or not its ladder has reached them.</summary>
    public const string Responder = "responder";
}

/// <summary>A conversation in each chat system; either side may be missing.</summary>
public sealed record ChannelAddress(string? Slack, string? Teams)
{
    public static ChannelAddress None { get; } = new(null, null);
}

/// <summary>The plan's named conversations.</summary>
public sealed record PlanChannels(ChannelAddress Announce, ChannelAddress Management, ChannelAddress Support, bool PerIncident);

/// <summary>Daily and weekly summary times in the plan's time zone.</summary>
public sealed record SummarySchedule(TimeOnly Daily, DayOfWeek WeeklyDay, TimeOnly WeeklyTime);

/// <summary>Fallback SLA targets for a Freshdesk priority, and the severity a promoted ticket gets.</summary>
public sealed record TicketTarget(TimeSpan RespondWithin, TimeSpan ResolveWithin, string PromoteAs);
