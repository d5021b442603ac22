using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;

namespace Jivrus.IncidentBot.Workflow.Agenda;

/// <summary>
/// Turns an incident's state into the deadlines it has now. Planning is a pure function of the incident, so an
/// incident keeps one timer row, its next deadline (<see cref="Next"/>): firing that deadline changes the incident,
/// and every change drops the old row and plans the next one from the new state.
/// </summary>
public sealed class TimerPlanner(ResponsePlan plan, SlaCalculator sla)
{
    private static readonly TimeSpan RcaReminderEvery = TimeSpan.FromDays(1);

    /// <summary>
    /// The deadline to store as the incident's timer: the soonest of <see cref="Plan"/>, the first planned on a tie,
    /// leaving out <paramref name="except"/> (a deadline that just fired without effect). Null when nothing is due.
    /// </summary>
    public (TimerKind Kind, DateTimeOffset DueAt)? Next(Incident incident, TimerKind? except = null)
    {
        (TimerKind Kind, DateTimeOffset DueAt)? next = null;
        foreach (var deadline in Plan(incident))
        {
            if (deadline.Kind != except && (next is null || deadline.DueAt < next.Value.DueAt))
                next = deadline;
        }

        return next;
    }

    /// <summary>Every deadline the incident has now, in the order the lifecycle reaches them on a tie.</summary>
    public IEnumerable<(TimerKind Kind, DateTimeOffset DueAt)> Plan(Incident incident)
    {
        var severity = plan.FindSeverity(incident.SeverityId) ?? plan.DefaultSeverityPlan;
        var level = plan.Escalation.Level(incident.Level);

        if (incident.State == IncidentState.Reported)
        {
            if (!incident.AckReminded)
                yield return (TimerKind.AckReminder, sla.AcknowledgeReminderAt(severity, level, incident.PagedAt));
            // Once the exhaustion is announced nothing more is due: the old deadline would fire again at once.
            if (!incident.LadderExhausted)
                yield return (TimerKind.AckTimeout, sla.AcknowledgeBy(severity, level, incident.PagedAt));
        }

        if (incident.State is IncidentState.Acknowledged or IncidentState.Mitigated)
            yield return (TimerKind.UpdateDue, UpdateDueAt(incident, severity));

        if (incident.IsOpen)
        {
            if (!incident.ResolveWarned)
                yield return (TimerKind.ResolveWarning, sla.ResolveWarningAt(severity, incident.ReportedAt));
            if (!incident.ResolveBreached)
                yield return (TimerKind.ResolveBreach, sla.ResolveBy(severity, incident.ReportedAt));
        }

        // With the RCA in, a critical incident may still wait for its corrective actions; their owners are chased instead.
        if (incident.State == IncidentState.RcaPending && incident.RcaSubmittedAt is null && incident.RcaPendingSince is { } since
            && sla.RcaDueBy(severity, since) is { } due)
        {
            var reminder = since + RcaReminderEvery * (incident.RcaReminders + 1);
            if (reminder < due)
                yield return (TimerKind.RcaReminder, reminder);
            if (!incident.RcaDueNotified)
                yield return (TimerKind.RcaDue, due);
        }
    }

    /// <summary>When the next update is due: the owner's promise, else the plan's cadence; each nudge pushes it one cadence on.</summary>
    public DateTimeOffset UpdateDueAt(Incident incident, SeverityPlan severity)
    {
        var first = incident.NextUpdatePromisedAt ?? sla.NextUpdateBy(severity, incident.LastUpdateAt);
        return incident.UpdateNudges == 0
            ? first
            : sla.Clock.Add(first, severity.UpdateEvery * incident.UpdateNudges, severity.Clock);
    }
}
