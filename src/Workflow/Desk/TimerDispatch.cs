using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>Fires one timer row of a kind of subject; the row is the one read when the timer was claimed.</summary>
internal interface ITimerHandler
{
    Task<TimerResult> FireAsync(IncidentTimer row, CancellationToken ct);
}

/// <summary>
/// Hands each due timer row to the handler of its subject: an incident's deadlines, a watched ticket's deadlines, or
/// the daily and weekly summaries, a corrective action's reminders. <see cref="HandlerFor"/> is the one place that reads a row's subject.
/// </summary>
internal sealed class TimerDispatch(
    IDbContextFactory<IncidentDbContext> dbFactory, IncidentDeadlines incidents, TicketDeadlines tickets, IncidentSummaries summaries, ActionDeadlines actions, OnCallHandoffs handoffs)
{
    private static readonly TimeSpan LateNoticeAfter = TimeSpan.FromMinutes(1);

    /// <summary>Reads the row once and fires it; <see cref="TimerResult.Gone"/> when another host fired or dropped it first.</summary>
    public async Task<TimerResult> FireAsync(long timerId, CancellationToken ct)
    {
        IncidentTimer? row;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            row = await db.Timers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == timerId, ct);
        return row is null ? TimerResult.Gone : await FireAsync(row, ct);
    }

    public Task<TimerResult> FireAsync(IncidentTimer row, CancellationToken ct) => HandlerFor(row).FireAsync(row, ct);

    /// <summary>The timer rows of one subject (an incident, a ticket, the summaries), soonest first.</summary>
    public async Task<IReadOnlyList<IncidentTimer>> TimersOfAsync(TimerSubject subject, long subjectId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Timers.AsNoTracking().Of(subject, subjectId).OrderBy(t => t.DueAt).ToListAsync(ct);
    }

    private ITimerHandler HandlerFor(IncidentTimer row) => row.Subject switch
    {
        TimerSubject.Summary => summaries,
        TimerSubject.OnCall => handoffs,
        TimerSubject.Ticket => tickets,
        TimerSubject.Action => actions,
        _ => incidents,
    };

    /// <summary>A host that was down fires overdue timers once on start; the posts say how late they are.</summary>
    public static string? Lateness(IncidentTimer timer, DateTimeOffset now)
    {
        var late = now - timer.DueAt;
        return late < LateNoticeAfter
            ? null
            : $" (This notice is {DurationText.Format(late)} late: it was due at {timer.DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC while the bot was not running.)";
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
