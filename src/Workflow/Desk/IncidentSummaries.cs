using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Reports;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// The daily and weekly summaries for management. Each is a timer row, so it is claimed and fired like the others;
/// posting one plans the next.
/// </summary>
internal sealed class IncidentSummaries(
    UnitOfWork work, IDbContextFactory<IncidentDbContext> dbFactory, ResponsePlan plan, TimeProvider time, ILogger log) : ITimerHandler
{
    /// <summary>Plans the next daily and weekly summary if none is planned. Safe to call from every replica.</summary>
    public async Task EnsureTimersAsync(CancellationToken ct)
    {
        var clock = new SummaryClock(plan);
        foreach (var (kind, period) in new[] { (TimerKind.SummaryDaily, ReportPeriod.Day), (TimerKind.SummaryWeekly, ReportPeriod.Week) })
        {
            await work.RunAsync(async scope =>
            {
                if (await scope.Db.Timers.AnyAsync(t => t.Subject == TimerSubject.Summary && t.Kind == kind, ct))
                    return false;
                scope.Db.Timers.Add(IncidentTimer.ForSummary(kind, clock.Next(period, scope.Now)));
                return true;
            }, ct,
            // Another replica planned it at the same moment; one row is all that is needed.
            onConflict: _ => false);
        }
    }

    // The summary reads a whole window of incidents: it is built before the unit of work opens, so the single SQLite
    // writer (and the write gate) is held only to queue the post and plan the next summary.
    public async Task<TimerResult> FireAsync(IncidentTimer row, CancellationToken ct)
    {
        var period = row.Kind == TimerKind.SummaryWeekly ? ReportPeriod.Week : ReportPeriod.Day;
        var summary = await new SummaryReporter(dbFactory, plan, time).BuildAsync(period, row.DueAt, ct);
        var text = SummaryText.Render(summary) + (TimerDispatch.Lateness(row, time.GetUtcNow()) ?? "");

        var result = await work.RunAsync(scope =>
        {
            // Deleting the row is the check that it is still there: another replica may have posted it while this one was building.
            scope.Db.Timers.Remove(scope.Db.Timers.Attach(row).Entity);
            scope.Db.Outbox.Add(new OutboxMessage(scope.Now, null, new Notice(NoticeKind.Message, Audience.Management, text)));
            scope.Db.Timers.Add(IncidentTimer.ForSummary(row.Kind, new SummaryClock(plan).Next(period, scope.Now)));
            return Task.FromResult(TimerResult.Fired);
        }, ct,
        onConflict: _ => TimerResult.Gone);
        if (result == TimerResult.Fired)
            log.LogInformation("Posted the {Period} summary for the window ending {End:u}", period, row.DueAt);
        return result;
    }
}
