using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// On-call overrides (<c>/oncall override</c>, <c>overrides</c>, <c>cancel</c>) and who is on call now. An override
/// re-plans the handoff timer in its own transaction, so the handoff posts follow it.
/// </summary>
internal sealed class OnCallDesk(UnitOfWork work, IDbContextFactory<IncidentDbContext> dbFactory, ResponsePlan plan, TimeProvider time)
{
    /// <summary>The longest an override may run: longer hand-overs belong in the plan's rotation.</summary>
    public static readonly TimeSpan MaxOverride = TimeSpan.FromDays(90);

    /// <summary>
    /// The roster with the overrides that have not ended at <paramref name="now"/>, read from <paramref name="db"/>: for
    /// the changes of the overrides themselves and the handoffs, which must see exactly what is stored.
    /// </summary>
    public static async Task<OnCallRoster> RosterAsync(IncidentDbContext db, ResponsePlan plan, DateTimeOffset now, CancellationToken ct) =>
        plan.Rotations.Count == 0 ? OnCallRoster.Scheduled(plan) : OnCallRoster.For(plan, await OnCallOverrideCache.ReadAsync(db, now, ct));

    /// <summary>The roster now for a change that pages: the overrides come from the desk's copy (<see cref="OnCallOverrideCache"/>).</summary>
    public static async Task<OnCallRoster> RosterAsync(ChangeScope scope, ResponsePlan plan, CancellationToken ct) =>
        plan.Rotations.Count == 0 ? OnCallRoster.Scheduled(plan) : OnCallRoster.For(plan, await scope.OverridesAsync(ct));

    /// <summary>The roster now, from the desk's copy of the overrides; a context is opened only to read them again.</summary>
    public async Task<OnCallRoster> RosterAsync(CancellationToken ct) =>
        plan.Rotations.Count == 0
            ? OnCallRoster.Scheduled(plan)
            : OnCallRoster.For(plan, await work.Overrides.InForceAsync(dbFactory, time.GetUtcNow(), ct));

    /// <summary>
    /// The roster for reading the schedule from the start of the shifts under way: with the overrides that ended
    /// earlier in those shifts too, so the calendar feed, which shows the current shift whole, shows who held it then.
    /// </summary>
    public async Task<OnCallRoster> ScheduleRosterAsync(CancellationToken ct)
    {
        if (plan.Rotations.Count == 0)
            return OnCallRoster.Scheduled(plan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var since = plan.Rotations.Min(r => new RotationClock(r).ShiftAt(now).From);
        return await RosterAsync(db, plan, since, ct);
    }

    public async Task<string> NowAsync(string? rotationId, CancellationToken ct)
    {
        if (rotationId is not null && plan.FindRotation(rotationId) is null)
            return UnknownRotation(rotationId);
        return OnCallText.Now(plan, await RosterAsync(ct), time.GetUtcNow(), rotationId);
    }

    /// <summary>Hands <paramref name="rotationId"/> to <paramref name="personId"/> from now until <paramref name="until"/>.</summary>
    public Task<DeskResult> OverrideAsync(Actor who, string rotationId, string personId, DateTimeOffset until, CancellationToken ct) =>
        ChangeOverridesAsync(async scope =>
        {
            if (plan.FindRotation(rotationId) is not { } rotation)
                return DeskResult.Invalid(UnknownRotation(rotationId));
            if (plan.FindPerson(personId) is not { } person)
                return DeskResult.Invalid($"{personId} is not in the response plan's people, so they cannot be on call.");
            var now = scope.Now;
            if (until <= now)
                return DeskResult.Invalid($"An override must end in the future; {OnCallText.When(rotation, until, now)} has passed.");
            if (until - now > MaxOverride)
                return DeskResult.Invalid("An override may last 90 days at most; change the rotation in the plan for longer.");

            var roster = await RosterAsync(scope.Db, plan, now, ct);
            var current = roster.At(rotation.Id, now);
            var mayHand = plan.IsManager(who.Id) || Same(who.Id, current.PersonId) || Same(who.Id, person.Id);
            if (who.Kind != ActorKind.PlanPerson || !mayHand)
                return new DeskResult(DeskStatus.Refused,
                    $"{who.Name} cannot hand {rotation.Name} to {person.Name}. The person on call ({OnCallText.Name(plan, current.PersonId)}) or a manager may; anyone may take a shift for themself.");

            var entry = new OnCallOverride(rotation.Id, person.Id, now, until, who.Id, now);
            scope.Db.OnCallOverrides.Add(entry);
            await scope.Db.SaveChangesAsync(ct);
            var text = $"Override {entry.Label}: {person.Name} is on call for {rotation.Name} from now until {OnCallText.When(rotation, until, now)}, instead of {OnCallText.Name(plan, current.PersonId)}. Made by {who.Name}.";
            if (!Same(who.Id, person.Id))
                scope.Db.Outbox.Add(new OutboxMessage(now, null, new Notice(NoticeKind.Message, Audience.Person, text, person.Id)));
            RegroupSlack(scope, rotation, $"{person.Name} is on call for {rotation.Name}.");
            await ReplanHandoffAsync(scope, roster, [entry], ct);
            return new DeskResult(DeskStatus.Done, text);
        }, ct);

    /// <summary>The overrides that have not ended, soonest first.</summary>
    public async Task<string> ListAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = (await db.OnCallOverrides.AsNoTracking().Where(o => o.CancelledAt == null && o.Until > now).ToListAsync(ct))
            .OrderBy(o => o.From).ThenBy(o => o.Id).ToList();
        if (active.Count == 0)
            return "No on-call overrides are in force. Hand a shift to someone with /oncall override <rotation> <@person> <duration|until YYYY-MM-DD HH:mm>.";
        var lines = active.Select(o =>
        {
            var rotation = plan.FindRotation(o.RotationId);
            var name = rotation?.Name ?? o.RotationId;
            var until = rotation is null ? o.Until.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : OnCallText.When(rotation, o.Until, now);
            return $"{o.Label} {name}: {OnCallText.Name(plan, o.PersonId)} until {until} (made by {OnCallText.Name(plan, o.CreatedById)})";
        });
        return $"On-call overrides in force ({active.Count}):\n" + string.Join('\n', lines);
    }

    /// <summary>Cancels override <paramref name="id"/>: its maker, the person it names, or a manager may.</summary>
    public Task<DeskResult> CancelAsync(Actor who, long id, CancellationToken ct) =>
        ChangeOverridesAsync(async scope =>
        {
            var entry = await scope.Db.OnCallOverrides.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (entry is null || entry.IsCancelled || entry.Until <= scope.Now)
                return DeskResult.Invalid($"There is no on-call override #{id} in force. /oncall overrides lists them.");
            if (who.Kind != ActorKind.PlanPerson || !(plan.IsManager(who.Id) || Same(who.Id, entry.CreatedById) || Same(who.Id, entry.PersonId)))
                return new DeskResult(DeskStatus.Refused,
                    $"{who.Name} cannot cancel override {entry.Label}. Ask {OnCallText.Name(plan, entry.CreatedById)}, who made it, {OnCallText.Name(plan, entry.PersonId)} or a manager.");
            entry.Cancel(who.Id, scope.Now);
            var roster = await RosterAsync(scope.Db, plan, scope.Now, ct);
            var rotation = plan.FindRotation(entry.RotationId);
            var after = OnCallRoster.For(plan, Without(roster, entry));
            var back = rotation is null ? "" : $" {OnCallText.Name(plan, after.At(rotation.Id, scope.Now).PersonId)} is on call for {rotation.Name} again.";
            if (rotation is not null)
                RegroupSlack(scope, rotation, back.Trim());
            await ReplanHandoffAsync(scope, after, [], ct);
            return new DeskResult(DeskStatus.Done, $"{who.Name} cancelled override {entry.Label}.{back}");
        }, ct);

    // Whatever became of the change (committed, refused, failed with its outcome unknown), the desk's copy of the
    // overrides is dropped afterwards, so this replica's next page follows the override at once.
    private async Task<DeskResult> ChangeOverridesAsync(Func<ChangeScope, Task<DeskResult>> change, CancellationToken ct)
    {
        try
        {
            return await work.RunAsync(change, ct);
        }
        finally
        {
            work.Overrides.Invalidate();
        }
    }

    private static IEnumerable<OnCallOverride> Without(OnCallRoster roster, OnCallOverride cancelled) =>
        roster.Overrides.Where(o => o.Id != cancelled.Id);

    /// <summary>Moves the handoff timer to the roster's next handoff; <paramref name="added"/> are overrides staged in this change.</summary>
    public static async Task ReplanHandoffAsync(ChangeScope scope, OnCallRoster roster, IReadOnlyList<OnCallOverride> added, CancellationToken ct)
    {
        var withAdded = added.Count == 0 ? roster : roster.With(added);
        scope.Db.Timers.RemoveRange(await scope.TimersAsync(TimerSubject.OnCall, 0, ct));
        if (withAdded.NextHandoff(scope.Now) is { } next)
            scope.Db.Timers.Add(IncidentTimer.ForHandoff(next));
    }

    // An override starts now, so no handoff timer marks the change: the rotation's Slack user group is updated here
    // (the group is read again when the message is delivered, after this change is committed).
    private static void RegroupSlack(ChangeScope scope, Rotation rotation, string text)
    {
        if (rotation.SlackUserGroup is not null)
            scope.Db.Outbox.Add(new OutboxMessage(scope.Now, null, new Notice(NoticeKind.OnCallGroup, Audience.Support, text, rotation.Id)));
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private string UnknownRotation(string id) => plan.Rotations.Count == 0
        ? $"The response plan has no rotations, so there is no '{id}'."
        : $"There is no rotation '{id}'. The plan's rotations: {string.Join(", ", plan.Rotations.Select(r => r.Id))}.";
}
