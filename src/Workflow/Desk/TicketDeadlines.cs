using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// Fires a watched ticket's deadline (a warning, a breach, a climb of the ladder) in one unit of work. A timer
/// planned for an older version of the ticket is stale and deleted without effect.
/// </summary>
internal sealed class TicketDeadlines(UnitOfWork work, ResponsePlan plan) : ITimerHandler
{
    public Task<TimerResult> FireAsync(IncidentTimer row, CancellationToken ct) =>
        work.RunAsync(async scope =>
        {
            var ticket = await scope.LoadTicketAsync(row.SubjectId, ct);
            var timers = await scope.TimersAsync(TimerSubject.Ticket, row.SubjectId, ct);
            if (timers.Find(t => t.Id == row.Id) is not { } timer)
                return TimerResult.Gone;
            if (ticket is null || ticket.Version != timer.SubjectVersion)
            {
                scope.Db.Timers.Remove(timer);
                return TimerResult.Stale;
            }

            if (!ticket.Fire(timer.Kind, plan, await OnCallDesk.RosterAsync(scope.Db, plan, scope.Now, ct), scope.Now))
            {
                scope.Db.Timers.Remove(timer);
                return TimerResult.NoEffect;
            }

            scope.StageTicket(ticket, timers, plan);
            return TimerResult.Fired;
        }, ct);
}
