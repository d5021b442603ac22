using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Alerts;

/// <summary>
/// Turns alert groups into incidents. Deliveries wait in a queue (second file) and are taken in rounds: one round reads
/// what it needs once (<see cref="AlertRound"/> decides per group), files every new incident in one transaction through
/// the report writer (a new group's row and a new storm's groups are written with their incident), then changes the
/// incidents groups already had in one unit of work. A group's row remembers a digest of its last delivery, so a
/// sender's retry has one effect; the unique (source, key) makes a second replica read the group instead of filing it.
/// </summary>
internal sealed partial class AlertIntake(
    UnitOfWork work, IDbContextFactory<IncidentDbContext> dbFactory, IncidentReports reports, ResponsePlan plan, TimeProvider time, ILogger log)
{
    private const int MaxRoundAttempts = 3;

    private async Task<IReadOnlyList<AlertGroupOutcome>> RunRoundAsync(IReadOnlyList<AlertBatch> batches, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRoundAsync(batches, ct);
            }
            catch (DbUpdateException ex) when (attempt < MaxRoundAttempts)
            {
                // Another replica filed one of these groups first, or changed its incident: decide again on what is stored now.
                log.LogDebug(ex, "An alert round raced another writer, deciding again (attempt {Attempt})", attempt);
            }
        }
    }

    private async Task<IReadOnlyList<AlertGroupOutcome>> TryRoundAsync(IReadOnlyList<AlertBatch> batches, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var items = batches.SelectMany(b => b.Groups.Select(g => new AlertItemRef(plan.FindAlertSource(b.Source)!, g, AlertDigest.Of(g)))).ToList();
        AlertRound round;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            round = await AlertRound.ReadAsync(db, plan, items, now, ct);
        round.Decide();

        await FileNewAsync(round, now, ct);
        if (round.Changes.Count > 0 || round.Touched.Count > 0)
            await ChangeExistingAsync(round, ct);
        return round.Outcomes();
    }

    /// <summary>Files the round's new incidents (own groups, new storms with their groups) in one transaction.</summary>
    private async Task FileNewAsync(AlertRound round, DateTimeOffset now, CancellationToken ct)
    {
        if (round.NewIncidents.Count == 0)
            return;
        var requests = round.NewIncidents.Select(n => new IncidentReports.Filing(AlertActors.For(n.Source), n.Report, incident =>
        {
            var rows = new List<object>();
            foreach (var item in n.Groups)
            {
                if (item.Existing is null)
                    rows.Add(new AlertGroup(n.Source.Id, item.Signal, item.Digest, incident.Number, n.IsStorm, now));
            }

            return rows;
        })).ToList();
        var filed = await reports.FileManyAsync(requests, ct);
        for (var i = 0; i < filed.Count; i++)
            round.NewIncidents[i].Number = filed[i].Incident!.Number;
        log.LogInformation("Alerts opened {Count} incidents: {Incidents}", filed.Count, string.Join(", ", filed.Select(f => f.Incident!.Id)));
    }

    /// <summary>Changes the incidents that groups already had (still firing, resolved, firing again, acknowledged, a storm growing).</summary>
    private Task ChangeExistingAsync(AlertRound round, CancellationToken ct) =>
        work.RunAsync(async scope =>
        {
            var db = scope.Db;
            var ids = round.Changes.SelectMany(c => c.Items).Concat(round.Touched).Where(i => i.Existing is not null).Select(i => i.Existing!.Id).ToList();
            var rows = await db.AlertGroups.Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
            var roster = await OnCallDesk.RosterAsync(scope, plan, ct);
            foreach (var change in round.Changes)
            {
                var incident = await scope.LoadIncidentAsync(change.IncidentNumber, ct);
                if (incident is null)
                    continue;
                var source = change.Source;
                var actor = AlertActors.For(source);
                var personActed = change.MayResolve && source.AutoResolve && await PersonActedAsync(db, incident.Number, ct);
                var stormFiring = change.IsStorm ? await FiringInStormAsync(db, incident.Number, ids, ct) : 0;
                var outcome = incident.Change(new IncidentContext(plan, scope.Now, roster), i => change.Apply(i, actor, source.AutoResolve && !personActed, stormFiring, plan));
                foreach (var item in change.Items)
                {
                    if (item.Existing is { } known && rows.TryGetValue(known.Id, out var row))
                    {
                        row.Seen(item.Signal, item.Digest, scope.Now);
                        if (item.MovedTo is { } target)
                            row.MoveTo(target.Number!.Value, target.IsStorm, scope.Now);
                    }
                    else if (item.Existing is null)
                        db.AlertGroups.Add(new AlertGroup(source.Id, item.Signal, item.Digest, incident.Number, inStorm: true, scope.Now));
                }

                if (outcome.Changed)
                    await scope.StageIncidentAsync(incident, ct);
            }

            // Rows of groups whose only news was a retry or a group moved to a new incident: keep their digest current.
            foreach (var item in round.Touched)
            {
                if (rows.TryGetValue(item.Existing!.Id, out var row))
                {
                    row.Seen(item.Signal, item.Digest, scope.Now);
                    if (item.MovedTo is { } target)
                        row.MoveTo(target.Number!.Value, target.IsStorm, scope.Now);
                }
            }

            return 0;
        }, ct);

    // A person (not the bot's timers, not a monitoring source) did something to the incident: the alerts may no longer
    // close it by themselves. A refusal is not acting.
    private static Task<bool> PersonActedAsync(IncidentDbContext db, int number, CancellationToken ct) =>
        db.Timeline.AnyAsync(t => t.IncidentNumber == number && t.ActorId != Actor.Timer.Id && !t.ActorId.StartsWith(AlertActors.Prefix) && t.Action != "refused", ct);

    // Groups of the storm still firing, apart from those this round brings news of (their news decides for them).
    private static Task<int> FiringInStormAsync(IncidentDbContext db, int number, IReadOnlyList<long> inRound, CancellationToken ct) =>
        db.AlertGroups.CountAsync(g => g.IncidentNumber == number && g.Status == AlertStatus.Firing && !inRound.Contains(g.Id), ct);
}
