using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// Fires a corrective action's reminder or overdue nudge to its owner, in one unit of work. Owners are chased only in
/// the plan's business hours: a row due outside them moves to the next opening. A row planned for an older version
/// of the action (it was done, dropped or re-dated since) is stale and deleted without effect.
/// </summary>
internal sealed class ActionDeadlines(UnitOfWork work, ResponsePlan plan, ILogger log) : ITimerHandler
{
    private readonly SlaClock _clock = new(plan);

    public Task<TimerResult> FireAsync(IncidentTimer row, CancellationToken ct) =>
        work.RunAsync(async scope =>
        {
            var timers = await scope.TimersAsync(TimerSubject.Action, row.SubjectId, ct);
            if (timers.Find(t => t.Id == row.Id) is not { } timer)
                return TimerResult.Gone;
            var action = await scope.Db.Actions.SingleOrDefaultAsync(a => a.Id == row.SubjectId, ct);
            if (action is null || action.Version != timer.SubjectVersion || !action.IsOpen || action.OwnerId is null || action.DueAt is not { } due)
            {
                scope.Db.Timers.Remove(timer);
                return TimerResult.Stale;
            }

            if (!_clock.IsCounting(scope.Now, ClockKind.BusinessHours))
            {
                timer.Postpone(_clock.NextCountingInstant(scope.Now, ClockKind.BusinessHours));
                return TimerResult.Postponed;
            }

            // Once overdue, a reminder that it is due soon would come too late: the nudge ends the action's timers.
            scope.Db.Timers.RemoveRange(timer.Kind == TimerKind.ActionOverdue ? timers : [timer]);
            // A reminder held back past the due date (a weekend) would say "due soon" of an overdue action: the nudge says it.
            if (timer.Kind == TimerKind.ActionReminder && due <= scope.Now)
                return TimerResult.NoEffect;

            var incident = await scope.Db.Incidents.AsNoTracking().SingleAsync(i => i.Number == action.IncidentNumber, ct);
            var text = Text(timer.Kind, action, incident, due, scope.Now) + (TimerDispatch.Lateness(timer, scope.Now) ?? "");
            if (timer.Kind == TimerKind.ActionReminder)
                action.MarkReminded();
            else
                action.MarkOverdueNotified();
            scope.Db.Outbox.Add(OutboxMessage.ForAction(scope.Now, action.IncidentNumber, action.Number,
                new Notice(NoticeKind.ActionReminder, Audience.Person, text, action.OwnerId)));
            scope.Db.Timeline.Add(new TimelineEntry(action.IncidentNumber, scope.Now, Actor.Timer,
                timer.Kind == TimerKind.ActionReminder ? "action-reminder" : "action-overdue",
                $"Reminded {action.OwnerName} that {action.Ref} {(timer.Kind == TimerKind.ActionReminder ? "is due soon" : "is overdue")}.",
                incident.State, incident.State));
            log.LogInformation("Fired {Timer} for {Action}", timer, action.Ref);
            return TimerResult.Fired;
        }, ct);

    private string Text(TimerKind kind, CorrectiveAction action, Incident incident, DateTimeOffset due, DateTimeOffset now) => kind == TimerKind.ActionReminder
        ? $"Reminder: {action.Ref} ({incident.Title}) is due {ActionWords.When(due, plan, now)}: {action.Text}. Press Done when it is done, or drop it with /incident action drop {incident.Id} {action.Number} <reason>."
        : $"{action.Ref} ({incident.Title}) is overdue: it was due {ActionWords.When(due, plan, now)}. {action.Text}. Press Done when it is done, give it a new date with /incident action set {incident.Id} {action.Number} due <date>, or drop it with /incident action drop {incident.Id} {action.Number} <reason>.";
}
