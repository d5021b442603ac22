namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>What body a source posts to <c>POST /alerts/{source}</c>.</summary>
public enum AlertKind
{
    /// <summary>Prometheus Alertmanager's webhook (version 4): one notification per alert group.</summary>
    Alertmanager,

    /// <summary>Grafana alerting's webhook: each alert is its own group, keyed by its fingerprint.</summary>
    Grafana,

    /// <summary>Trigger / acknowledge / resolve events with a <c>dedup_key</c> (the PagerDuty Events API v2 shape).</summary>
    Events,
}

/// <summary>
/// One entry of the plan's <c>alerts:</c>: a monitoring system allowed to open incidents. The severity of a new
/// incident is the source's <see cref="SeverityMap"/> entry for the value of its <see cref="SeverityLabel"/>, else
/// <see cref="DefaultSeverity"/>; with neither, the alert's words decide and an alert naming none needs triage, as a
/// person's report would. More than <see cref="StormGroups"/> new groups within <see cref="StormWithin"/> are
/// a storm: they share one incident instead of paging once each.
/// </summary>
public sealed record AlertSourcePlan
{
    public required string Id { get; init; }
    public required AlertKind Kind { get; init; }
    public string SeverityLabel { get; init; } = "severity";
    public IReadOnlyDictionary<string, string> SeverityMap { get; init; } = new Dictionary<string, string>();
    public string? DefaultSeverity { get; init; }
    public bool AutoResolve { get; init; }
    public int StormGroups { get; init; } = 20;
    public TimeSpan StormWithin { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The severity id for a label value (case-insensitive); the source's default for none or an unmapped one.</summary>
    public string? SeverityFor(string? value) =>
        value is not null && SeverityMap.TryGetValue(value.Trim(), out var id) ? id : DefaultSeverity;

    /// <summary>How the source is named as a reporter: "Alertmanager (prometheus)".</summary>
    public string ReporterName => $"{KindName(Kind)} ({Id})";

    public static string KindName(AlertKind kind) => kind switch
    {
        AlertKind.Alertmanager => "Alertmanager",
        AlertKind.Grafana => "Grafana",
        _ => "Events",
    };
}
