using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Observability;
using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// One attempt of a change inside a <see cref="UnitOfWork"/>: its context, the subject loaded for change, and the
/// staging of what the change adds. Everything staged is saved (<see cref="SaveAsync"/>) and committed by the unit of
/// work. With <paramref name="inserter"/> (SQLite, changes committed in groups) the timeline, outbox and timer rows an
/// incident's change adds are written by it instead of by EF's change tracker.
/// </summary>
internal sealed class ChangeScope(
    IncidentDbContext db, TimerPlanner planner, IncidentViewFactory views, DateTimeOffset now, OnCallOverrideCache overrides,
    SqliteRowInserter? inserter = null)
{
    // Compiled once: every change loads its subject and its timers, and translating the LINQ each time (the
    // expression's parameters pulled out, the cache key built) cost about as much as running the query.
    private static readonly CompiledPerModel<Func<IncidentDbContext, int, CancellationToken, Task<Incident?>>> IncidentByNumber = new(() =>
        EF.CompileAsyncQuery((IncidentDbContext db, int number, CancellationToken ct) => db.Incidents.SingleOrDefault(i => i.Number == number)));

    private static readonly CompiledPerModel<Func<IncidentDbContext, TimerSubject, long, IAsyncEnumerable<IncidentTimer>>> TimersOf = new(() =>
        EF.CompileAsyncQuery((IncidentDbContext db, TimerSubject subject, long subjectId) => db.Timers.Where(t => t.Subject == subject && t.SubjectId == subjectId)));

    private static readonly CompiledPerModel<Func<IncidentDbContext, long, CancellationToken, Task<int>>> DeleteIncidentTimers = new(() =>
        EF.CompileAsyncQuery((IncidentDbContext db, long number, CancellationToken ct) =>
            db.Timers.Where(t => t.Subject == TimerSubject.Incident && t.SubjectId == number).ExecuteDelete()));

    private readonly List<IncidentView> _committed = [];
    private readonly List<IncidentChange> _incidentChanges = [];
    private readonly List<TicketTimelineEntry> _ticketEntries = [];
    private readonly List<IncidentRows> _newRows = [];

    public IncidentDbContext Db => db;

    /// <summary>The time of this attempt.</summary>
    public DateTimeOffset Now => now;

    /// <summary>The views of the incidents this change staged, for the cache once they are committed.</summary>
    public IReadOnlyList<IncidentView> Committed => _committed;

    /// <summary>
    /// Loads an incident to change it. On PostgreSQL the row is locked for the transaction, so replicas changing the
    /// same incident queue up instead of both doing the work and one failing on the version.
    /// </summary>
    public Task<Incident?> LoadIncidentAsync(int number, CancellationToken ct) =>
        db.IsPostgres
            ? db.Incidents.FromSqlRaw("SELECT * FROM incidents WHERE \"Number\" = {0} FOR UPDATE", number).SingleOrDefaultAsync(ct)
            : IncidentByNumber.For(db)(db, number, ct);

    /// <summary>A watched ticket to change; the version check on save keeps two changes of it apart.</summary>
    public Task<WatchedTicket?> LoadTicketAsync(long ticketId, CancellationToken ct) =>
        db.WatchedTickets.SingleOrDefaultAsync(t => t.TicketId == ticketId, ct);

    /// <summary>The timer rows of one subject, tracked, for a change to replace.</summary>
    public async Task<List<IncidentTimer>> TimersAsync(TimerSubject subject, long subjectId, CancellationToken ct) =>
        await TimersOf.For(db)(db, subject, subjectId).ToListAsync(ct);

    /// <summary>The on-call overrides in force or to come now, from the desk's copy (read in this transaction when it is stale).</summary>
    public Task<IReadOnlyList<OnCallOverride>> OverridesAsync(CancellationToken ct) => overrides.InForceAsync(db, now, ct);

    /// <summary>
    /// Stages the change the incident has made: its timeline, its outbox notices and its next timer in place of
    /// <paramref name="existingTimers"/>. Answers the view that is committed with it.
    /// </summary>
    public IncidentView StageIncident(Incident incident, IReadOnlyList<IncidentTimer> existingTimers, string? suffix = null)
    {
        db.Timers.RemoveRange(existingTimers);
        return Stage(incident, suffix);
    }

    /// <summary>
    /// Stages the change as <see cref="StageIncident"/> does, for a change that has not read the incident's timer rows:
    /// they are deleted by one statement in this transaction instead of read and deleted one by one (read on InMemory). The incident is
    /// loaded for change, so nobody replaces its timers meanwhile; a retried attempt's transaction never committed the delete.
    /// </summary>
    public async Task<IncidentView> StageIncidentAsync(Incident incident, CancellationToken ct)
    {
        if (db.IsRelational)
            await DeleteIncidentTimers.For(db)(db, incident.Number, ct);
        else
            db.Timers.RemoveRange(await TimersAsync(TimerSubject.Incident, incident.Number, ct));
        return Stage(incident, suffix: null);
    }

    private IncidentView Stage(Incident incident, string? suffix)
    {
        var rows = IncidentRows.Of(incident, planner, now, suffix);
        if (inserter is null)
        {
            db.Timeline.AddRange(rows.Timeline);
            db.Outbox.AddRange(rows.Outbox);
            db.Timers.AddRange(rows.Timers);
        }
        else
            _newRows.Add(rows);
        var view = views.View(incident);
        _committed.Add(view);
        _incidentChanges.Add(IncidentChange.Of(incident, view, rows.Timeline));
        return view;
    }

    /// <summary>
    /// Saves what the change staged, inside the unit of work's transaction: EF's tracked changes, then the incidents'
    /// new rows through the inserter. Those rows go last, so the incident they belong to is saved before them.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        foreach (var rows in _newRows)
        {
            inserter!.InsertRange(rows.Timeline);
            inserter.InsertRange(rows.Outbox);
            inserter.InsertRange(rows.Timers);
        }
    }

    /// <summary>Counts what this attempt staged; called once it committed, so retried or failed attempts count nothing.</summary>
    public void Count(WorkflowMetrics metrics)
    {
        foreach (var change in _incidentChanges)
            metrics.Committed(change);
        metrics.Committed(_ticketEntries);
    }

    /// <summary>Stages a refused attempt: the refusal is on the incident's timeline, nothing else changes.</summary>
    public void StageRefusal(Incident incident) => db.Timeline.AddRange(incident.NewTimelineEntries);

    /// <summary>
    /// Replaces <paramref name="existingTimers"/> with the incident's next deadline other than <paramref name="except"/>,
    /// for a timer that fired without changing the incident (so nothing else re-plans it).
    /// </summary>
    public void ReplanIncident(Incident incident, IReadOnlyList<IncidentTimer> existingTimers, TimerKind except)
    {
        db.Timers.RemoveRange(existingTimers);
        db.Timers.AddRange(IncidentRows.NextTimer(incident, planner, except));
    }

    /// <summary>Stages a ticket's change: its timeline, its outbox notices and a fresh set of timers.</summary>
    public void StageTicket(WatchedTicket ticket, IReadOnlyList<IncidentTimer> existingTimers, ResponsePlan plan)
    {
        db.TicketTimeline.AddRange(ticket.NewTimelineEntries);
        _ticketEntries.AddRange(ticket.NewTimelineEntries);
        db.Outbox.AddRange(ticket.Notices.Select(n => OutboxMessage.ForTicket(now, ticket.TicketId, n)));
        db.Timers.RemoveRange(existingTimers);
        db.Timers.AddRange(TicketTimers.Plan(ticket, plan, now).Select(t => IncidentTimer.ForTicket(ticket.TicketId, t.Kind, t.DueAt, ticket.Version)));
    }
}
