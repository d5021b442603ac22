using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// The application service behind every command. Each command is one transaction: load the incident
/// (optimistic concurrency on its version), fire the trigger, save state, timeline, re-planned timers and
/// outbox notices, commit. Nothing is sent to a chat system here; the host delivers the outbox later.
/// </summary>
public sealed partial class Desk(
    IDbContextFactory<IncidentDbContext> dbFactory,
    ResponsePlan plan,
    TimeProvider time,
    WriteGate gate,
    ILogger<Desk> log,
    IncidentViewCache? views = null) : IAsyncDisposable
{
    private const int MaxAttempts = 8;
    private readonly SlaCalculator _sla = new(plan);
    private readonly TimerPlanner _planner = new(plan, new SlaCalculator(plan));

    public ResponsePlan Plan => plan;

    public Task<DeskResult> AcknowledgeAsync(Actor who, int number, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Responder, "acknowledge", i => i.Acknowledge(who), ct);

    /// <summary>A status update; <paramref name="text"/> may be left out when a promise or an ETA is given.</summary>
    public Task<DeskResult> UpdateAsync(Actor who, int number, string? text, TimeSpan? next = null, EtaPromise? eta = null, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Responder, "update", i => i.PostUpdate(who, text, next, eta?.From(time.GetUtcNow(), plan.TimeZone)), ct);

    public Task<DeskResult> SnoozeUpdatesAsync(Actor who, int number, TimeSpan delay, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Responder, "snooze the update reminder of", i => i.SnoozeUpdates(who, delay), ct);

    public Task<DeskResult> ChangeSeverityAsync(Actor who, int number, string severityId, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Responder, "change the severity of", i => i.ChangeSeverity(who, severityId), ct);

    public Task<DeskResult> AssignAsync(Actor who, int number, string personId, CancellationToken ct = default)
    {
        if (plan.FindPerson(personId) is not { } person)
            return Task.FromResult(DeskResult.Invalid($"The response plan has no person '{personId}'. People: {string.Join(", ", plan.People.Select(p => p.Id))}."));
        return ChangeAsync(number, who, Permission.Responder, "assign", i => i.Assign(who, person), ct);
    }

    public Task<DeskResult> MitigateAsync(Actor who, int number, string note, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Responder, "mitigate", i => i.Mitigate(who, note), ct);

    /// <summary>Anyone may escalate: an employee who sees nobody responding must be able to pull the ladder.</summary>
    public Task<DeskResult> EscalateAsync(Actor who, int number, string? reason, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Anyone, "escalate", i => i.Escalate(who, reason), ct);

    public Task<DeskResult> ResolveAsync(Actor who, int number, string resolution, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Responder, "resolve", i => i.Resolve(who, resolution), ct, WriteBackResolutionAsync);

    public Task<DeskResult> CloseAsync(Actor who, int number, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Responder, "close", i => i.Close(who), ct);

    public Task<DeskResult> SubmitRcaAsync(Actor who, int number, string rootCause, string? actions, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Responder, "submit the RCA of", i => i.SubmitRca(who, rootCause, actions), ct, WriteBackRcaAsync);

    public Task<DeskResult> WaiveRcaAsync(Actor who, int number, string reason, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Manager, "waive the RCA of", i => i.WaiveRca(who, reason), ct);

    public Task<DeskResult> CancelAsync(Actor who, int number, string reason, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Responder, "cancel", i => i.Cancel(who, reason), ct);

    public Task<DeskResult> ReopenAsync(Actor who, int number, CancellationToken ct = default) =>
        ChangeAsync(number, who, Permission.Responder, "reopen", i => i.Reopen(who), ct);

    // also: staged in the same transaction after an accepted change (write-back to linked tickets).
    private async Task<DeskResult> ChangeAsync(
        int number, Actor who, Permission permission, string verb, Func<Incident, Outcome> act, CancellationToken ct,
        Func<IncidentDbContext, Incident, CancellationToken, Task>? also = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var _ = await gate.EnterAsync(ct);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var incident = await LoadForChangeAsync(db, number, ct);
                if (incident is null)
                    return DeskResult.NotFound(number);

                incident.Begin(Context());
                var outcome = Authorize(who, permission, verb, incident) ?? act(incident);
                if (outcome.Kind == OutcomeKind.Unchanged)
                    return new DeskResult(DeskStatus.Unchanged, outcome.Message, View(incident));
                if (outcome.Kind == OutcomeKind.Refused)
                {
                    incident.RecordRefusal(who, outcome.Message);
                    db.Timeline.AddRange(incident.NewTimelineEntries);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    log.LogInformation("{Actor} was refused on {Incident}: {Reason}", who.Id, incident.Id, outcome.Message);
                    return new DeskResult(DeskStatus.Refused, outcome.Message, View(incident));
                }

                if (also is not null)
                    await also(db, incident, ct);
                Stage(db, incident, await TimerRowsAsync(db, number, ct));
                await db.SaveChangesAsync(ct);
                return new DeskResult(DeskStatus.Done, outcome.Message, await CommitAsync(tx, incident, ct));
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Someone changed the incident since we loaded it (a version or timer clash): load again and decide again.
                log.LogDebug("{Incident} changed concurrently, retrying (attempt {Attempt})", IncidentId.Format(number), attempt);
            }
        }
    }

    /// <summary>Adds the change's timeline, outbox notices and its next timer, stamped with the new version, in place of the old.</summary>
    private void Stage(IncidentDbContext db, Incident incident, IReadOnlyList<IncidentTimer> existingTimers, string? suffix = null) =>
        Add(db, Prepare(incident, suffix), existingTimers);

    /// <summary>Adds a prepared change's rows; its timer replaces the incident's existing ones.</summary>
    private static void Add(IncidentDbContext db, StagedChange change, IReadOnlyList<IncidentTimer> existingTimers)
    {
        db.Timeline.AddRange(change.Timeline);
        db.Outbox.AddRange(change.Outbox);
        db.Timers.RemoveRange(existingTimers);
        db.Timers.AddRange(change.Timers);
    }

    /// <summary>Completes the change (the version moves on) and builds the rows it adds.</summary>
    private StagedChange Prepare(Incident incident, string? suffix = null)
    {
        incident.CompleteChange();
        var now = time.GetUtcNow();
        return new StagedChange(
            incident.NewTimelineEntries.ToList(),
            incident.Notices.Select(n => new OutboxMessage(
                now, incident.Number, suffix is null || n.Kind == NoticeKind.CardUpdate ? n : n with { Text = n.Text + suffix })).ToList(),
            NextTimer(incident));
    }

    /// <summary>The incident's timer rows, tracked, for a change to replace (one; several in a database from before that).</summary>
    private static Task<List<IncidentTimer>> TimerRowsAsync(IncidentDbContext db, int number, CancellationToken ct) =>
        db.Timers.Of(TimerSubject.Incident, number).ToListAsync(ct);

    /// <summary>The incident's one timer row: its next deadline, stamped with its version (none once nothing is due).</summary>
    private IReadOnlyList<IncidentTimer> NextTimer(Incident incident, TimerKind? except = null) =>
        _planner.Next(incident, except) is { } next ? [new IncidentTimer(incident.Number, next.Kind, next.DueAt, incident.Version)] : [];

    private sealed record StagedChange(IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<OutboxMessage> Outbox, IReadOnlyList<IncidentTimer> Timers);

    /// <summary>
    /// Commits staged changes and hands their views to the cache. If the commit fails its outcome is unknown, so
    /// the cached views are dropped and the next read goes to the database.
    /// </summary>
    private async Task<IncidentView> CommitAsync(IDbContextTransaction tx, Incident incident, CancellationToken ct) =>
        (await CommitAsync(tx, [incident], ct))[0];

    private Task<IReadOnlyList<IncidentView>> CommitAsync(IDbContextTransaction tx, IReadOnlyList<Incident> incidents, CancellationToken ct) =>
        CommitAsync(tx.CommitAsync, incidents, ct);

    private async Task<IReadOnlyList<IncidentView>> CommitAsync(Func<CancellationToken, Task> commit, IReadOnlyList<Incident> incidents, CancellationToken ct)
    {
        try
        {
            await OutcomeUnknownException.CommitAsync(commit, ct);
        }
        catch
        {
            foreach (var incident in incidents)
                views?.Forget(incident.Number);
            throw;
        }

        var committed = new IncidentView[incidents.Count];
        for (var i = 0; i < incidents.Count; i++)
        {
            committed[i] = View(incidents[i]);
            views?.PutCommitted(committed[i]);
        }

        return committed;
    }

    private IncidentContext Context() => new(plan, time.GetUtcNow());

    /// <summary>
    /// Loads an incident to change it. On PostgreSQL the row is locked for the transaction, so replicas
    /// changing the same incident queue up instead of both doing the work and one failing on the version.
    /// </summary>
    private static Task<Incident?> LoadForChangeAsync(IncidentDbContext db, int number, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Incidents.FromSqlRaw("SELECT * FROM incidents WHERE \"Number\" = {0} FOR UPDATE", number).SingleOrDefaultAsync(ct)
            : db.Incidents.SingleOrDefaultAsync(i => i.Number == number, ct);
}
