using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

public sealed partial class Desk
{
    private static readonly TimeSpan LateNoticeAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Fires one due timer through the same path as a command. A timer planned for an older version of its
    /// incident is stale: it is deleted without effect, because the change since then planned its successor.
    /// An incident has one timer row, its next deadline; the change a timer makes plans the one after it.
    /// </summary>
    public async Task<TimerResult> FireTimerAsync(long timerId, CancellationToken ct = default) =>
        await IsSummaryTimerAsync(timerId, ct) ? await FireSummaryAsync(timerId, ct) : await FireAsync(timerId, ct);

    /// <summary>Fires a timer the caller has just claimed; its kind is known, so nothing is read twice.</summary>
    public Task<TimerResult> FireTimerAsync(IncidentTimer claimed, CancellationToken ct = default) =>
        claimed.Subject == TimerSubject.Summary ? FireSummaryAsync(claimed.Id, ct) : FireAsync(claimed.Id, ct);

    private async Task<TimerResult> FireAsync(long timerId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var _ = await gate.EnterAsync(ct);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var timer = await db.Timers.SingleOrDefaultAsync(t => t.Id == timerId, ct);
                if (timer is null)
                    return TimerResult.Gone;
                if (timer.Subject == TimerSubject.Ticket)
                {
                    var result = await FireTicketTimerAsync(db, timer, ct);
                    await tx.CommitAsync(ct);
                    return result;
                }

                var incident = await LoadForChangeAsync(db, timer.IncidentNumber, ct);
                if (incident is null || incident.Version != timer.IncidentVersion)
                {
                    db.Timers.Remove(timer);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    log.LogDebug("Dropped stale timer {Timer}", timer);
                    return TimerResult.Stale;
                }

                var now = time.GetUtcNow();
                var severity = plan.FindSeverity(incident.SeverityId) ?? plan.DefaultSeverityPlan;
                if (severity.Clock == ClockKind.BusinessHours && !_sla.Clock.IsCounting(now, ClockKind.BusinessHours))
                {
                    // Severities on business hours are never chased out of hours; this waits for the next opening.
                    timer.Postpone(_sla.Clock.NextCountingInstant(now, ClockKind.BusinessHours));
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    return TimerResult.Postponed;
                }

                incident.Begin(Context());
                var outcome = Apply(incident, timer);
                var timers = await TimerRowsAsync(db, incident.Number, ct);
                if (!outcome.Changed)
                {
                    // The incident is unchanged, so nothing re-plans it: its next deadline other than this one takes the
                    // row's place (and the place of any other row, as a database from before one row per incident has).
                    db.Timers.RemoveRange(timers);
                    db.Timers.AddRange(NextTimer(incident, except: timer.Kind));
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    return TimerResult.NoEffect;
                }

                Stage(db, incident, timers, Lateness(timer, now));
                await db.SaveChangesAsync(ct);
                await CommitAsync(tx, incident, ct);
                log.LogInformation("Fired {Timer}: {Outcome}", timer, outcome.Message);
                return TimerResult.Fired;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                log.LogDebug("Timer {Timer} raced a change, retrying (attempt {Attempt})", timerId, attempt);
            }
        }
    }

    // A host that was down fires overdue timers once on start; the posts say how late they are.
    private static string? Lateness(IncidentTimer timer, DateTimeOffset now)
    {
        var late = now - timer.DueAt;
        return late < LateNoticeAfter
            ? null
            : $" (This notice is {DurationText.Format(late)} late: it was due at {timer.DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC while the bot was not running.)";
    }

    private Outcome Apply(Incident incident, IncidentTimer timer)
    {
        var severity = plan.FindSeverity(incident.SeverityId) ?? plan.DefaultSeverityPlan;
        var level = plan.Escalation.Level(incident.Level);
        return timer.Kind switch
        {
            TimerKind.AckReminder => incident.RemindToAcknowledge(_sla.AcknowledgeBy(severity, level, incident.PagedAt)),
            TimerKind.AckTimeout => incident.AcknowledgeTimedOut(),
            TimerKind.UpdateDue => incident.UpdateOverdue(),
            TimerKind.ResolveWarning => incident.WarnResolveDeadline(_sla.ResolveBy(severity, incident.ReportedAt)),
            TimerKind.ResolveBreach => incident.BreachResolveDeadline(),
            TimerKind.RcaReminder => incident.RemindRca(_sla.RcaDueBy(severity, incident.RcaPendingSince ?? incident.ResolvedAt ?? incident.ReportedAt) ?? timer.DueAt),
            TimerKind.RcaDue => incident.RcaOverdue(),
            _ => Outcome.Unchanged($"Unknown timer kind {timer.Kind}."),
        };
    }

    /// <summary>The incident's timer rows, soonest first: its next deadline, or none (for tests and operations).</summary>
    public Task<IReadOnlyList<IncidentTimer>> TimersOfAsync(int number, CancellationToken ct = default) =>
        TimersOfAsync(TimerSubject.Incident, number, ct);

    /// <summary>The timer rows of one subject (an incident, a ticket, the summaries), soonest first.</summary>
    public async Task<IReadOnlyList<IncidentTimer>> TimersOfAsync(TimerSubject subject, long subjectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Timers.AsNoTracking().Of(subject, subjectId).OrderBy(t => t.DueAt).ToListAsync(ct);
    }
}

/// <summary>What firing a timer did.</summary>
public enum TimerResult
{
    Fired,

    /// <summary>The incident moved on since the timer was planned; dropped without effect.</summary>
    Stale,

    /// <summary>The timer was current but the incident no longer needed it.</summary>
    NoEffect,

    /// <summary>Another host fired or dropped it first.</summary>
    Gone,

    /// <summary>Out of business hours for a business-hours severity: moved to the next opening.</summary>
    Postponed,
}
