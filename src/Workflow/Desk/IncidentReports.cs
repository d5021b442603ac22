using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Observability;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// Files new incidents through the <see cref="IReportWriter"/> the provider chose. Where one write runs at a time
/// (SQLite, InMemory), reports wait in a queue and one writer files all that are waiting in one transaction (group
/// commit, in the second file): each still gets its own number, timeline, timer and outbox notices, and nobody is
/// answered before the commit. Elsewhere (PostgreSQL) each report is filed on its own.
/// </summary>
internal sealed partial class IncidentReports(
    UnitOfWork work, IReportWriter writer, bool queue, ResponsePlan plan, TimeProvider time, IncidentViewFactory views, ILogger log,
    OnCallDesk onCall, WorkflowMetrics? metrics = null)
{
    private readonly TimerPlanner _planner = new(plan, new SlaCalculator(plan));

    public async Task<DeskResult> ReportAsync(Actor who, IncidentReport report, CancellationToken ct)
    {
        if (report.Problem(plan) is { } problem)
            return DeskResult.Invalid(problem);
        return queue ? await QueueAsync(new ReportRequest(who, report, Extra: null), ct) : await ReportWithAsync(who, report, extra: null, ct);
    }

    /// <summary>Files one report on its own; <paramref name="extra"/> are rows it adds once it has its number (a promoted ticket's link).</summary>
    public async Task<DeskResult> ReportWithAsync(Actor who, IncidentReport report, Func<Incident, IReadOnlyList<object>>? extra, CancellationToken ct)
    {
        if (report.Problem(plan) is { } problem)
            return DeskResult.Invalid(problem);

        // Another replica took the same number (a unique key, not a version): the next attempt reads the new maximum.
        return (await work.RetryAsync(
            token => FileAsync([new ReportRequest(who, report, extra)], token), ex => ex is not DbUpdateConcurrencyException, ct))[0];
    }

    /// <summary>
    /// Files several reports in one transaction, each by its own actor with its own extra rows (alert intake: each new
    /// group's row with its incident). Not retried here: the caller decides again on a conflict.
    /// </summary>
    public async Task<IReadOnlyList<DeskResult>> FileManyAsync(IReadOnlyList<Filing> filings, CancellationToken ct)
    {
        var requests = filings.Select(f => new ReportRequest(f.Who, f.Report, f.Extra)).ToList();
        return await work.RetryAsync(token => FileAsync(requests, token), _ => false, ct);
    }

    /// <summary>A report for <see cref="FileManyAsync"/>: who files it, what, and the rows it adds once it has its number.</summary>
    public sealed record Filing(Actor Who, IncidentReport Report, Func<Incident, IReadOnlyList<object>>? Extra);

    /// <summary>One transaction: numbers the reports in order and files each incident with its rows.</summary>
    private async Task<IReadOnlyList<DeskResult>> FileAsync(IReadOnlyList<ReportRequest> requests, CancellationToken ct)
    {
        // Read before the writer's transaction: who is on call decides who the new incidents page.
        var roster = await onCall.RosterAsync(ct);
        var filed = await writer.FileAsync(requests.Count, (i, number) => Draft(requests[i], number, roster), ct);
        foreach (var report in filed)
            metrics?.Opened(report.Incident);
        return Answer(requests, filed);
    }

    private NewIncident Draft(ReportRequest request, int number, OnCall.OnCallRoster roster)
    {
        var now = time.GetUtcNow();
        var incident = Incident.Report(number, request.Report, request.Who, new IncidentContext(plan, now, roster));
        var rows = IncidentRows.Of(incident, _planner, now);
        return new NewIncident(incident, rows, request.Extra?.Invoke(incident) ?? [], views.View(incident));
    }

    private IReadOnlyList<DeskResult> Answer(IReadOnlyList<ReportRequest> requests, IReadOnlyList<NewIncident> filed)
    {
        var results = new DeskResult[filed.Count];
        for (var i = 0; i < filed.Count; i++)
            results[i] = new DeskResult(DeskStatus.Done, ReportAnswer.Text(plan, filed[i].Incident), filed[i].View);

        // One line per transaction: during a storm of reports a line per incident would hold up the writer.
        if (filed.Count == 1)
            log.LogInformation("{Incident} reported by {Actor} as {Severity}", filed[0].Incident.Id, requests[0].Who.Id, filed[0].Incident.SeverityId);
        else
            log.LogInformation("{Count} incidents reported in one transaction: {First} to {Last}", filed.Count, filed[0].Incident.Id, filed[^1].Incident.Id);
        for (var i = 0; filed.Count > 1 && log.IsEnabled(LogLevel.Debug) && i < filed.Count; i++)
            log.LogDebug("{Incident} reported by {Actor} as {Severity}", filed[i].Incident.Id, requests[i].Who.Id, filed[i].Incident.SeverityId);
        return results;
    }

    /// <summary>Closes the writer (its SQLite connection) once no report is being written.</summary>
    public Task DisposeAsync() => work.ExclusiveAsync(async () => await writer.DisposeAsync());

    private sealed record ReportRequest(Actor Who, IncidentReport Report, Func<Incident, IReadOnlyList<object>>? Extra);
}
