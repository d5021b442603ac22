namespace Jivrus.IncidentBot.Workflow.Alerts;

/// <summary>What a monitoring system says about an alert group.</summary>
public enum AlertStatus
{
    /// <summary>At least one alert of the group is firing.</summary>
    Firing,

    /// <summary>Every alert of the group has resolved.</summary>
    Resolved,

    /// <summary>Someone acknowledged it in the monitoring system (events kind only).</summary>
    Acknowledged,
}

/// <summary>One alert as a monitoring system reported it; <see cref="Labels"/> in the sender's order.</summary>
public sealed record AlertItem(
    string? Fingerprint, AlertStatus Status, string Summary, IReadOnlyList<KeyValuePair<string, string>> Labels, DateTimeOffset? StartsAt = null, DateTimeOffset? EndsAt = null);

/// <summary>
/// One alert group in one delivery, whatever the kind of source: <see cref="Key"/> identifies the group across
/// deliveries (Alertmanager's <c>groupKey</c>, a Grafana alert's fingerprint, an event's <c>dedup_key</c>),
/// <see cref="Title"/> names it for the incident, <see cref="SeverityValue"/> is the raw value of the source's
/// severity label (mapped through the plan), <see cref="Alerts"/> are the alerts it carries, <see cref="Link"/> where
/// to look in the monitoring system.
/// </summary>
public sealed record AlertGroupSignal(
    string Key, AlertStatus Status, string Title, string? SeverityValue, IReadOnlyList<AlertItem> Alerts, string? Link = null)
{
    /// <summary>The most characters of a group key kept; longer keys are hashed to stay unique.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>How many of <see cref="Alerts"/> are firing.</summary>
    public int FiringCount => Alerts.Count(a => a.Status == AlertStatus.Firing);
}

/// <summary>One request to <c>POST /alerts/{source}</c>, read into groups; <see cref="Source"/> is the plan's source id.</summary>
public sealed record AlertBatch(string Source, IReadOnlyList<AlertGroupSignal> Groups);

/// <summary>What intake did with a batch: per group, the incident it landed on and what happened there.</summary>
public sealed record AlertIntakeResult(IReadOnlyList<AlertGroupOutcome> Groups)
{
    public int Opened => Groups.Count(g => g.Effect == AlertEffect.Opened);
}

/// <summary>What one group of a batch did; <see cref="IncidentNumber"/> is null only when nothing was filed.</summary>
public sealed record AlertGroupOutcome(string Key, int? IncidentNumber, AlertEffect Effect);

public enum AlertEffect
{
    /// <summary>A new incident was filed and paged.</summary>
    Opened,

    /// <summary>The group landed on the source's open storm incident, without a page.</summary>
    JoinedStorm,

    /// <summary>The group is still firing: a line on its incident's timeline, no page.</summary>
    StillFiring,

    /// <summary>The group resolved: on the timeline, and the incident resolved or its owner told.</summary>
    Resolved,

    /// <summary>The group fired again after resolving: its incident reopened.</summary>
    Reopened,

    /// <summary>An acknowledge event acknowledged the incident.</summary>
    Acknowledged,

    /// <summary>Nothing to do: a retried delivery, or a resolve / acknowledge for a group with no open incident.</summary>
    Unchanged,
}
