using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>Turns a stored incident into the view people see: its severity and level by name, and its clocks.</summary>
internal sealed class IncidentViewFactory(ResponsePlan plan)
{
    private readonly SlaCalculator _sla = new(plan);
    private readonly TimerPlanner _planner = new(plan, new SlaCalculator(plan));
    private IReadOnlyList<SeverityRef>? _severityChoices;

    private IReadOnlyList<SeverityRef> SeverityChoices => _severityChoices ??= plan.Severities.Select(s => new SeverityRef(s.Id, s.Name)).ToList();

    public IncidentView View(Incident incident)
    {
        var severity = plan.FindSeverity(incident.SeverityId) ?? plan.DefaultSeverityPlan;
        var level = plan.Escalation.Level(incident.Level);
        var waiting = incident.State == IncidentState.Reported;
        return new IncidentView
        {
            Number = incident.Number,
            Title = incident.Title,
            Impact = incident.Impact,
            Description = incident.Description,
            SeverityId = severity.Id,
            SeverityName = severity.Name,
            NeedsTriage = incident.NeedsTriage,
            SeverityChoices = incident.NeedsTriage && incident.IsOpen ? SeverityChoices : [],
            State = incident.State,
            Level = incident.Level,
            LevelId = level.Id,
            LevelName = level.Name,
            Paged = waiting
                ? incident.PagedPeopleAt(plan, incident.Level).Select(plan.FindPerson).OfType<Person>().Select(p => new PersonRef(p.Id, p.Name)).ToList()
                : [],
            ReporterName = incident.ReporterName,
            ReporterId = incident.ReporterId,
            OwnerId = incident.OwnerId,
            OwnerName = incident.OwnerName,
            AcknowledgedByName = incident.AcknowledgedByName,
            ReportedAt = incident.ReportedAt,
            AcknowledgedAt = incident.AcknowledgedAt,
            ResolvedAt = incident.ResolvedAt,
            AcknowledgeBy = waiting ? _sla.AcknowledgeBy(severity, level, incident.PagedAt) : null,
            NextUpdateBy = incident.State is IncidentState.Acknowledged or IncidentState.Mitigated ? _planner.UpdateDueAt(incident, severity) : null,
            ResolveBy = incident.IsOpen ? _sla.ResolveBy(severity, incident.ReportedAt) : null,
            RcaDueBy = incident.State == IncidentState.RcaPending && incident.RcaPendingSince is { } since ? _sla.RcaDueBy(severity, since) : null,
            Eta = incident.Eta,
            Resolution = incident.Resolution,
            AlertNote = incident.AlertNote,
            RcaRootCause = incident.RcaRootCause,
            RcaRequired = severity.Rca.Required,
            Version = incident.Version,
            IsPrivate = incident.IsPrivate,
            IsDrill = incident.IsDrill,
            Members = incident.IsPrivate || incident.IsDrill ? IncidentMembers.People(incident, plan).Select(p => new PersonRef(p.Id, p.Name)).ToList() : [],
        };
    }
}
