using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// Fires an incident's deadline through the same unit of work as a command. A timer planned for an older version of
/// its incident is stale: it is deleted without effect, because the change since then planned its successor. An
/// incident has one timer row, its next deadline; the change a timer makes plans the one after it.
/// </summary>
internal sealed class IncidentDeadlines(UnitOfWork work, ResponsePlan plan, ILogger log) : ITimerHandler
{
    private readonly SlaCalculator _sla = new(plan);

    public Task<TimerResult> FireAsync(IncidentTimer row, CancellationToken ct) =>
        work.RunAsync(async scope =>
        {
            var incident = await scope.LoadIncidentAsync(row.IncidentNumber, ct);
            // The incident's rows, which the change replaces; the claimed row among them unless another host fired it first.
            var timers = await scope.TimersAsync(TimerSubject.Incident, row.IncidentNumber, ct);
            if (timers.Find(t => t.Id == row.Id) is not { } timer)
                return TimerResult.Gone;
            if (incident is null || incident.Version != timer.SubjectVersion)
            {
                scope.Db.Timers.Remove(timer);
                log.LogDebug("Dropped stale timer {Timer}", timer);
                return TimerResult.Stale;
            }

            var severity = plan.FindSeverity(incident.SeverityId) ?? plan.DefaultSeverityPlan;
            if (severity.Clock == ClockKind.BusinessHours && !_sla.Clock.IsCounting(scope.Now, ClockKind.BusinessHours))
            {
                // Severities on business hours are never chased out of hours; this waits for the next opening.
                timer.Postpone(_sla.Clock.NextCountingInstant(scope.Now, ClockKind.BusinessHours));
                return TimerResult.Postponed;
            }

            var roster = await OnCallDesk.RosterAsync(scope, plan, ct);
            var outcome = incident.Change(new IncidentContext(plan, scope.Now, roster), i => Apply(i, timer));
            if (!outcome.Changed)
            {
                // The incident is unchanged, so nothing re-plans it: its next deadline other than this one takes the
                // row's place (and the place of any other row, as a database from before one row per incident has).
                scope.ReplanIncident(incident, timers, except: timer.Kind);
                return TimerResult.NoEffect;
            }

            scope.StageIncident(incident, timers, TimerDispatch.Lateness(timer, scope.Now));
            log.LogInformation("Fired {Timer}: {Outcome}", timer, outcome.Message);
            return TimerResult.Fired;
        }, ct);

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
}
