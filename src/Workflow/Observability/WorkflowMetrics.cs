using System.Diagnostics.Metrics;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Workflow.Observability;

/// <summary>
/// The workflow's facts as metrics: incidents opened, acknowledgements, escalations, SLA warnings and breaches, MTTA
/// and MTTR. Facts are read from the timeline entries of a change <em>after</em> it committed, so a change that was
/// retried, refused or rolled back is counted once or not at all. The names are Prometheus names already (the
/// exporter adds <c>_total</c> to counters and the unit to histograms).
/// </summary>
public sealed class WorkflowMetrics
{
    /// <summary>The name of the meter every instrument of the bot belongs to.</summary>
    public const string MeterName = "Jivrus.IncidentBot";

    // Minutes to days: an acknowledgement takes minutes, a resolution hours, a business-hours one days.
    private static readonly double[] ResponseBuckets =
        [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 432000];

    private readonly Counter<long> _opened;
    private readonly Counter<long> _acknowledged;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _warnings;
    private readonly Counter<long> _breaches;
    private readonly Histogram<double> _mtta;
    private readonly Histogram<double> _mttr;

    public WorkflowMetrics(Meter meter)
    {
        Meter = meter;
        _opened = meter.CreateCounter<long>("incidentbot_incidents_opened", "{incident}", "Incidents reported, by severity (triage: none named yet).");
        _acknowledged = meter.CreateCounter<long>("incidentbot_acknowledgements", "{acknowledgement}", "Incidents acknowledged, by severity.");
        _escalations = meter.CreateCounter<long>("incidentbot_escalations", "{escalation}", "Escalations, by the ladder level reached and by who escalated (timer or person).");
        _warnings = meter.CreateCounter<long>("incidentbot_sla_warnings", "{warning}", "SLA warnings before a deadline, by kind.");
        _breaches = meter.CreateCounter<long>("incidentbot_sla_breaches", "{breach}", "SLA deadlines missed, by kind.");
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = ResponseBuckets };
        _mtta = meter.CreateHistogram("incidentbot_mtta", "s", "Time from report to first acknowledgement, by severity.", advice: buckets);
        _mttr = meter.CreateHistogram("incidentbot_mttr", "s", "Time from report to resolution, by severity.", advice: buckets);
    }

    /// <summary>The meter the instruments were created on (the host adds its own instruments to it).</summary>
    public Meter Meter { get; }

    /// <summary>An incident was filed and its report committed.</summary>
    internal void Opened(Incident incident)
    {
        // Drills are practice: out of the SLA figures here as in the summaries.
        if (!incident.IsDrill)
            _opened.Add(1, Tag("severity", SeverityOf(incident)));
    }

    /// <summary>An incident's change committed.</summary>
    internal void Committed(IncidentChange change)
    {
        if (change.Drill)
            return;
        var severity = Tag("severity", change.Severity);
        foreach (var entry in change.Entries)
        {
            var byTimer = entry.ActorId == Actor.Timer.Id;
            switch (entry.Action)
            {
                case "acknowledged":
                    _acknowledged.Add(1, severity);
                    break;
                case "escalated":
                    _escalations.Add(1, Tag("level", change.LevelId), Tag("by", byTimer ? "timer" : "person"));
                    if (byTimer)
                        _breaches.Add(1, Tag("kind", "acknowledge"));
                    break;
                case "ladder-exhausted":
                    _breaches.Add(1, Tag("kind", "acknowledge"));
                    break;
                case "ack-reminder":
                    _warnings.Add(1, Tag("kind", "acknowledge"));
                    break;
                case "resolve-warning":
                    _warnings.Add(1, Tag("kind", "resolve"));
                    break;
                case "resolve-breach":
                    _breaches.Add(1, Tag("kind", "resolve"));
                    break;
                case "update-due":
                    _breaches.Add(1, Tag("kind", "update"));
                    break;
                case "rca-reminder":
                    _warnings.Add(1, Tag("kind", "rca"));
                    break;
                case "rca-due":
                    _breaches.Add(1, Tag("kind", "rca"));
                    break;
                case "resolved" when change.ResolvedAt is { } resolved:
                    _mttr.Record((resolved - change.ReportedAt).TotalSeconds, severity);
                    break;
            }

            // Mitigating an unacknowledged incident counts as its first acknowledgement too.
            if (change.FirstAcknowledgedAt is { } first && first == entry.At && entry.Action is "acknowledged" or "mitigated")
                _mtta.Record((first - change.ReportedAt).TotalSeconds, severity);
        }
    }

    /// <summary>A watched ticket's change committed with these timeline entries.</summary>
    internal void Committed(IEnumerable<TicketTimelineEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Action == "reminded")
                _warnings.Add(1, Tag("kind", "ticket"));
            else if (entry.Action == "breached")
                _breaches.Add(1, Tag("kind", "ticket"));
        }
    }

    internal static string SeverityOf(Incident incident) => incident.NeedsTriage ? "triage" : incident.SeverityId;

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}

/// <summary>
/// What metrics need of one incident change, read when the change is staged and counted after it committed.
/// </summary>
internal sealed record IncidentChange(
    string Severity, string LevelId, DateTimeOffset ReportedAt, DateTimeOffset? FirstAcknowledgedAt, DateTimeOffset? ResolvedAt, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>A drill's change, counted nowhere.</summary>
    public bool Drill { get; init; }

    public static IncidentChange Of(Incident incident, IncidentView view, IReadOnlyList<TimelineEntry> entries) =>
        new(WorkflowMetrics.SeverityOf(incident), view.LevelId, incident.ReportedAt, incident.FirstAcknowledgedAt, incident.ResolvedAt, entries)
        {
            Drill = incident.IsDrill,
        };
}
