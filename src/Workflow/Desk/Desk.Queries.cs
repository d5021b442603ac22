using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Desk;

public sealed partial class Desk
{
    private IReadOnlyList<SeverityRef>? _severityChoices;

    public async Task<DeskResult> ShowAsync(int number, CancellationToken ct = default)
    {
        if (views is not null && views.TryGet(number, out var cached))
            return Shown(cached);

        var stamp = views?.ReadStamp() ?? 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Number == number, ct);
        if (incident is null)
            return DeskResult.NotFound(number);
        var view = View(incident);
        views?.PutRead(view, stamp);
        return Shown(view);
    }

    private static DeskResult Shown(IncidentView view) => new(DeskStatus.Unchanged, $"{view.Id}: {view.Title}", view);

    /// <summary>The incident and its timeline, oldest first; null when there is no such incident.</summary>
    public async Task<(IncidentView Incident, IReadOnlyList<TimelineEntry> Entries)?> TimelineAsync(int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Number == number, ct);
        if (incident is null)
            return null;
        var entries = await db.Timeline.AsNoTracking()
            .Where(t => t.IncidentNumber == number)
            .OrderBy(t => t.Id)
            .ToListAsync(ct);
        return (View(incident), entries);
    }

    /// <summary>The ladder with the people on each level, for <c>/incident oncall</c>.</summary>
    public IReadOnlyList<(EscalationLevel Level, IReadOnlyList<Person> People)> OnCall() =>
        plan.Escalation.Levels
            .Select(l => (l, (IReadOnlyList<Person>)l.Responders.Select(plan.FindPerson).OfType<Person>().ToList()))
            .ToList();

    private IReadOnlyList<SeverityRef> SeverityChoices => _severityChoices ??= plan.Severities.Select(s => new SeverityRef(s.Id, s.Name)).ToList();

    private IncidentView View(Incident incident)
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
                ? level.Responders.Select(plan.FindPerson).OfType<Person>().Select(p => new PersonRef(p.Id, p.Name)).ToList()
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
            RcaRootCause = incident.RcaRootCause,
            RcaRequired = severity.Rca.Required,
            Version = incident.Version,
        };
    }
}

