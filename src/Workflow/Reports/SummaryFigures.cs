using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;

namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>The arithmetic of a <see cref="Summary"/>: pure, given the incidents and their replayed timelines.</summary>
internal sealed class SummaryFigures(ResponsePlan plan, ReportPeriod period, DateTimeOffset start, DateTimeOffset end)
{
    private const int SlowestCount = 5;
    private readonly SlaCalculator _sla = new(plan);

    public Summary Compute(IReadOnlyList<Incident> incidents, IReadOnlyDictionary<int, IncidentHistory> histories)
    {
        var rows = incidents.Select(i => new Row(i, histories[i.Number], SeverityOf(i))).ToList();
        var counted = rows.Where(r => r.History.State != IncidentState.Cancelled).ToList();
        var resolvedInWindow = ResolvedInWindow(counted);

        return new Summary
        {
            Period = period,
            Start = start,
            End = end,
            TimeZone = plan.TimeZone,
            Severities = SeverityRows(rows),
            Mtta = Mtta(counted),
            Mttr = Mttr(resolvedInWindow),
            Acknowledge = Tally(counted.Select(AcknowledgeOutcome)),
            Resolve = Tally(counted.Select(ResolveOutcome)),
            Breaches = rows.Where(r => r.History.Breaches.Any(InWindow)).Select(r => r.Ref).OrderBy(r => r.Number).ToList(),
            ReachedManagement = rows.Where(r => r.History.ReachedTop.Any(InWindow)).Select(r => r.Ref).OrderBy(r => r.Number).ToList(),
            PendingRcas = PendingRcas(rows),
            WaivedRcas = WaivedRcas(rows),
            Slowest = Slowest(counted, resolvedInWindow),
            Monitoring = Monitoring(rows),
        };
    }

    private DurationStats Mtta(IEnumerable<Row> counted) =>
        DurationStats.Of(counted
            .Where(r => AcknowledgedAt(r) is { } at && InWindow(at))
            .Select(r => AcknowledgedAt(r)!.Value - r.Incident.ReportedAt));

    private static DurationStats Mttr(IEnumerable<(Row Row, DateTimeOffset At)> resolved) =>
        DurationStats.Of(resolved.Select(x => x.At - x.Row.Incident.ReportedAt));

    private List<(Row Row, DateTimeOffset At)> ResolvedInWindow(IEnumerable<Row> counted) =>
        counted
            .Where(r => r.History.Resolutions.Any(InWindow))
            .Select(r => (Row: r, At: r.History.Resolutions.Last(InWindow)))
            .ToList();

    // The same figures again over the incidents an alert source reported, so managers see how monitoring-led work fares.
    private MonitoringFigures Monitoring(IEnumerable<Row> rows)
    {
        var fromMonitoring = rows.Where(r => AlertActors.IsMonitoring(r.Incident.ReporterId)).ToList();
        if (fromMonitoring.Count == 0)
            return MonitoringFigures.None;
        var counted = fromMonitoring.Where(r => r.History.State != IncidentState.Cancelled).ToList();
        return new MonitoringFigures(
            fromMonitoring.Count(r => InWindow(r.Incident.ReportedAt)), Mtta(counted), Mttr(ResolvedInWindow(counted)));
    }

    // Incidents still waiting for triage get a row of their own: counting them as critical would be a guess.
    private List<SeverityCounts> SeverityRows(IReadOnlyList<Row> rows)
    {
        var result = plan.Severities.Select(s => Counts(s.Id, s.Name, rows.Where(r => r.Severity == s && !r.Incident.NeedsTriage).ToList())).ToList();
        if (rows.Any(r => r.Incident.NeedsTriage))
            result.Add(Counts("", "Needs triage", rows.Where(r => r.Incident.NeedsTriage).ToList()));
        return result;
    }

    private SeverityCounts Counts(string id, string name, IReadOnlyList<Row> of)
    {
        return new SeverityCounts(
            id,
            name,
            Opened: of.Count(r => InWindow(r.Incident.ReportedAt)),
            Resolved: of.Count(r => r.History.State != IncidentState.Cancelled && r.History.Resolutions.Any(InWindow)),
            StillOpen: of.Count(r => r.History.IsOpen),
            Cancelled: of.Count(r => r.History.State == IncidentState.Cancelled && r.Incident.CancelledAt is { } at && InWindow(at)));
    }

    // Met on time at the acknowledgement; missed at the deadline. Null: not decided inside this window.
    private bool? AcknowledgeOutcome(Row row)
    {
        var due = _sla.AcknowledgeBy(row.Severity, plan.Escalation.Level(1), row.Incident.ReportedAt);
        var acknowledged = AcknowledgedAt(row);
        if (acknowledged is { } at && at <= due)
            return InWindow(at) ? true : null;
        var firstResolution = row.History.Resolutions.Count > 0 ? row.History.Resolutions[0] : (DateTimeOffset?)null;
        if (acknowledged is null && firstResolution <= due)
            return null; // resolved before anyone had to acknowledge: nothing to judge
        return InWindow(due) ? false : null;
    }

    private bool? ResolveOutcome(Row row)
    {
        var due = _sla.ResolveBy(row.Severity, row.Incident.ReportedAt);
        if (row.History.ResolvedAt is { } at && at <= due)
            return InWindow(at) ? true : null;
        return InWindow(due) ? false : null;
    }

    private List<PendingRca> PendingRcas(IEnumerable<Row> rows) =>
        rows.Where(r => r.History.State == IncidentState.RcaPending)
            .Select(r =>
            {
                var age = end - (r.History.RcaPendingSince ?? r.Incident.RcaPendingSince ?? end);
                return new PendingRca(r.Ref, age, r.Severity.Rca.Required && age > r.Severity.Rca.DueWithin);
            })
            .OrderByDescending(p => p.Age)
            .ThenBy(p => p.Incident.Number)
            .ToList();

    // A waiver closes the incident for good, so its closing time is when the RCA was waived.
    private List<WaivedRca> WaivedRcas(IEnumerable<Row> rows) =>
        rows.Where(r => r.Incident.RcaWaivedBy is not null && r.Incident.ClosedAt is { } at && InWindow(at))
            .OrderBy(r => r.Incident.ClosedAt)
            .ThenBy(r => r.Incident.Number)
            .Select(r => new WaivedRca(r.Ref, plan.FindPerson(r.Incident.RcaWaivedBy!)?.Name ?? r.Incident.RcaWaivedBy!, r.Incident.RcaWaiveReason ?? ""))
            .ToList();

    private List<SlowIncident> Slowest(IEnumerable<Row> counted, IEnumerable<(Row Row, DateTimeOffset At)> resolved) =>
        resolved.Select(x => new SlowIncident(x.Row.Ref, x.At - x.Row.Incident.ReportedAt, StillOpen: false))
            .Concat(counted.Where(r => r.History.IsOpen).Select(r => new SlowIncident(r.Ref, end - r.Incident.ReportedAt, StillOpen: true)))
            .OrderByDescending(s => s.Duration)
            .ThenBy(s => s.Incident.Number)
            .Take(SlowestCount)
            .ToList();

    private static Compliance Tally(IEnumerable<bool?> outcomes)
    {
        var list = outcomes.Where(o => o.HasValue).ToList();
        return new Compliance(list.Count(o => o == true), list.Count(o => o == false));
    }

    private DateTimeOffset? AcknowledgedAt(Row row) =>
        row.Incident.FirstAcknowledgedAt is { } at && at < end ? at : null;

    private bool InWindow(DateTimeOffset at) => at >= start && at < end;

    // Same fallback as the Desk: a severity since removed from the plan reads as the default one.
    private SeverityPlan SeverityOf(Incident incident) => plan.FindSeverity(incident.SeverityId) ?? plan.DefaultSeverityPlan;

    private sealed record Row(Incident Incident, IncidentHistory History, SeverityPlan Severity)
    {
        public IncidentRef Ref { get; } = new(
            Incident.Number, Incident.IsPrivate ? IncidentRef.PrivateTitle : Incident.Title, Incident.NeedsTriage ? Incident.TriageLabel : Severity.Id);
    }
}
