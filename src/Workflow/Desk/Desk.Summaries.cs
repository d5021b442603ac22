using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Reports;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

public sealed partial class Desk
{
    /// <summary>Summaries are timers under this incident number, so they are claimed and fired like the others.</summary>
    public const int SummaryTimerIncident = 0;

    /// <summary>Plans the next daily and weekly summary if none is planned. Safe to call from every replica.</summary>
    public async Task EnsureSummaryTimersAsync(CancellationToken ct = default)
    {
        var clock = new SummaryClock(plan);
        var now = time.GetUtcNow();
        foreach (var (kind, period) in new[] { (TimerKind.SummaryDaily, ReportPeriod.Day), (TimerKind.SummaryWeekly, ReportPeriod.Week) })
        {
            using var _ = await gate.EnterAsync(ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.Timers.AnyAsync(t => t.IncidentNumber == SummaryTimerIncident && t.Kind == kind, ct))
                continue;
            db.Timers.Add(new IncidentTimer(SummaryTimerIncident, kind, clock.Next(period, now), 0));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another replica planned it at the same moment; one row is all that is needed.
            }
        }
    }

    private async Task<TimerResult> FireSummaryAsync(IncidentDbContext db, IncidentTimer timer, CancellationToken ct)
    {
        var period = timer.Kind == TimerKind.SummaryWeekly ? ReportPeriod.Week : ReportPeriod.Day;
        var now = time.GetUtcNow();
        var summary = await new SummaryReporter(dbFactory, plan, time).BuildAsync(period, timer.DueAt, ct);
        var text = SummaryText.Render(summary) + (Lateness(timer, now) ?? "");
        db.Outbox.Add(new OutboxMessage(now, null, new Notice(NoticeKind.Message, Audience.Management, text)));
        db.Timers.Remove(timer);
        db.Timers.Add(new IncidentTimer(SummaryTimerIncident, timer.Kind, new SummaryClock(plan).Next(period, now), 0));
        await db.SaveChangesAsync(ct);
        log.LogInformation("Posted the {Period} summary for the window ending {End:u}", period, timer.DueAt);
        return TimerResult.Fired;
    }
}
