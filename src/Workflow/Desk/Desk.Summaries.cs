using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Reports;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

public sealed partial class Desk
{
    /// <summary>Plans the next daily and weekly summary if none is planned. Safe to call from every replica.</summary>
    public async Task EnsureSummaryTimersAsync(CancellationToken ct = default)
    {
        var clock = new SummaryClock(plan);
        var now = time.GetUtcNow();
        foreach (var (kind, period) in new[] { (TimerKind.SummaryDaily, ReportPeriod.Day), (TimerKind.SummaryWeekly, ReportPeriod.Week) })
        {
            using var _ = await gate.EnterAsync(ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.Timers.AnyAsync(t => t.Subject == TimerSubject.Summary && t.Kind == kind, ct))
                continue;
            db.Timers.Add(IncidentTimer.ForSummary(kind, clock.Next(period, now)));
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

    private async Task<bool> IsSummaryTimerAsync(long timerId, CancellationToken ct)
    {
        if (timerId <= 0)
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Timers.AnyAsync(t => t.Id == timerId && t.Subject == TimerSubject.Summary, ct);
    }

    // The summary reads a whole window of incidents: it is built before the write transaction opens, so the
    // single SQLite writer (and the write gate) is held only to queue the post and plan the next summary.
    private async Task<TimerResult> FireSummaryAsync(long timerId, CancellationToken ct)
    {
        IncidentTimer? planned;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
            planned = await read.Timers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == timerId, ct);
        if (planned is null)
            return TimerResult.Gone;
        var period = planned.Kind == TimerKind.SummaryWeekly ? ReportPeriod.Week : ReportPeriod.Day;
        var summary = await new SummaryReporter(dbFactory, plan, time).BuildAsync(period, planned.DueAt, ct);
        var now = time.GetUtcNow();
        var text = SummaryText.Render(summary) + (Lateness(planned, now) ?? "");

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var timer = await db.Timers.SingleOrDefaultAsync(t => t.Id == timerId, ct);
        if (timer is null)
            return TimerResult.Gone; // another replica posted it while this one was building
        db.Outbox.Add(new OutboxMessage(now, null, new Notice(NoticeKind.Message, Audience.Management, text)));
        db.Timers.Remove(timer);
        db.Timers.Add(IncidentTimer.ForSummary(timer.Kind, new SummaryClock(plan).Next(period, now)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Posted the {Period} summary for the window ending {End:u}", period, timer.DueAt);
        return TimerResult.Fired;
    }
}
