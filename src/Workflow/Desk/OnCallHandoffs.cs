using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// The handoff timer: one row for the next instant any rotation changes hands. Firing it tells the incoming person
/// which open incidents they now own, the outgoing one that their turn ended, and the support channel in one line;
/// then it plans the next handoff. Claimed like every timer, so one replica posts each handoff once.
/// </summary>
internal sealed class OnCallHandoffs(UnitOfWork work, ResponsePlan plan, IncidentViewFactory views, ILogger log) : ITimerHandler
{
    private static readonly IncidentState[] Open = [IncidentState.Reported, IncidentState.Acknowledged, IncidentState.Mitigated];

    /// <summary>Plans the next handoff if none is planned. Safe to call from every replica.</summary>
    public Task EnsureTimerAsync(CancellationToken ct) =>
        plan.Rotations.Count == 0
            ? Task.CompletedTask
            : work.RunAsync(async scope =>
            {
                if (await scope.Db.Timers.AnyAsync(t => t.Subject == TimerSubject.OnCall, ct))
                    return false;
                var roster = await OnCallDesk.RosterAsync(scope.Db, plan, scope.Now, ct);
                if (roster.NextHandoff(scope.Now) is { } next)
                    scope.Db.Timers.Add(IncidentTimer.ForHandoff(next));
                return true;
            }, ct,
            onConflict: _ => false);

    public Task<TimerResult> FireAsync(IncidentTimer row, CancellationToken ct) =>
        work.RunAsync(async scope =>
        {
            // Deleting the row is the check that it is still there: another replica may have fired it first.
            scope.Db.Timers.Remove(scope.Db.Timers.Attach(row).Entity);
            var at = row.DueAt;
            var roster = await OnCallDesk.RosterAsync(scope.Db, plan, at.AddTicks(-1), ct);
            var handed = 0;
            foreach (var rotation in plan.Rotations)
            {
                var before = roster.At(rotation.Id, at.AddTicks(-1));
                var after = roster.At(rotation.Id, at);
                if (string.Equals(before.PersonId, after.PersonId, StringComparison.OrdinalIgnoreCase))
                    continue;
                handed++;
                await HandOverAsync(scope, rotation, before, after, ct);
            }

            if (roster.NextHandoff(scope.Now > at ? scope.Now : at) is { } next)
                scope.Db.Timers.Add(IncidentTimer.ForHandoff(next));
            return handed == 0 ? TimerResult.NoEffect : TimerResult.Fired;
        }, ct,
        onConflict: _ => TimerResult.Gone);

    private async Task HandOverAsync(ChangeScope scope, Rotation rotation, Turn before, Turn after, CancellationToken ct)
    {
        var now = scope.Now;
        var incoming = OnCallText.Name(plan, after.PersonId);
        var outgoing = OnCallText.Name(plan, before.PersonId);
        var until = OnCallText.When(rotation, after.Until, now);
        var owned = await OwnedAsync(scope.Db, rotation, ct);
        var cover = after.Override is { } o ? $" (override {o.Label})" : "";

        var list = owned.Count == 0
            ? "No incidents are open on this rotation."
            : $"Open incidents you now own: {string.Join("; ", owned.Select(v => Describe(v, rotation, now)))}.";
        Add(scope, new Notice(NoticeKind.Message, Audience.Person, $"You are on call for {rotation.Name} now{cover}, until {until}. {list}", after.PersonId));
        var handedOver = owned.Count == 0 ? "" : $" {incoming} now owns {string.Join(", ", owned.Select(v => v.Id))}.";
        Add(scope, new Notice(NoticeKind.Message, Audience.Person, $"Your on-call turn for {rotation.Name} has ended; {incoming} is on call now.{handedOver}", before.PersonId));
        Add(scope, new Notice(NoticeKind.Message, Audience.Support, $"On call for {rotation.Name}: {incoming}{cover} takes over from {outgoing} until {until}."));
        if (rotation.SlackUserGroup is not null)
            Add(scope, new Notice(NoticeKind.OnCallGroup, Audience.Support, $"{incoming} is on call for {rotation.Name}.", rotation.Id));
        log.LogInformation("On-call handoff of {Rotation}: {Outgoing} to {Incoming}", rotation.Id, before.PersonId, after.PersonId);
    }

    private static void Add(ChangeScope scope, Notice notice) => scope.Db.Outbox.Add(new OutboxMessage(scope.Now, null, notice));

    /// <summary>Open incidents whose current level pages this rotation: the incoming person answers for them now.</summary>
    private async Task<List<IncidentView>> OwnedAsync(IncidentDbContext db, Rotation rotation, CancellationToken ct)
    {
        var levels = plan.Escalation.Levels.Select((l, i) => (Level: i + 1, l.Responders))
            .Where(l => l.Responders.Contains(Rotation.ResponderPrefix + rotation.Id, StringComparer.OrdinalIgnoreCase))
            .Select(l => l.Level).ToList();
        if (levels.Count == 0)
            return [];
        var open = await db.Incidents.AsNoTracking().Where(i => Open.Contains(i.State) && levels.Contains(i.Level)).OrderBy(i => i.Number).ToListAsync(ct);
        return open.Select(views.View).ToList();
    }

    private static string Describe(IncidentView incident, Rotation rotation, DateTimeOffset now)
    {
        var state = incident.AcknowledgeBy is { } ackBy
            ? $"waiting for an acknowledgement by {OnCallText.When(rotation, ackBy, now)}"
            : $"acknowledged by {incident.AcknowledgedByName ?? "someone"}";
        var resolve = incident.ResolveBy is { } by ? $", resolve by {OnCallText.When(rotation, by, now)}" : "";
        return $"{incident.Id} ({incident.SeverityName}, {incident.LevelId}) {incident.Title}: {state}{resolve}";
    }
}
