using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// Corrective actions of incidents: adding, owning and dating, marking done, dropping; each in one unit of work that
/// locks the incident, checks who may act (see <see cref="Incident.RefuseActionChange"/>), writes the change on the
/// incident's timeline, re-plans the action's reminders and writes the list back to linked Freshdesk tickets.
/// The incident itself does not change, so its card and its own timers stay as they are.
/// </summary>
internal sealed partial class IncidentActions(
    UnitOfWork work, IDbContextFactory<IncidentDbContext> dbFactory, ResponsePlan plan, IncidentViewFactory views, IncidentTickets tickets)
{
    public Task<DeskResult> AddAsync(Actor who, int number, string text, string? ownerId, string? due, CancellationToken ct)
    {
        var clean = text.Trim();
        if (clean.Length == 0)
            return Invalid("Say what is to be done: /incident action add [INC-n] <text> owner <@person> [due <duration|YYYY-MM-DD>].");
        if (clean.Length > CorrectiveAction.MaxTextLength)
            return Invalid($"A corrective action may be at most {CorrectiveAction.MaxTextLength} characters; split it into several.");
        if (OwnerProblem(ownerId) is { } problem)
            return Invalid(problem);

        return OnIncidentAsync(who, number, "add corrective actions to", null, async (scope, incident, actions) =>
        {
            var (dueAt, dueProblem) = due is null ? (null, null) : ActionText.ParseDue(due, plan, scope.Now);
            if (dueProblem is not null)
                return DeskResult.Invalid(dueProblem);
            var spec = new ActionSpec(clean, ownerId is null ? null : plan.FindPerson(ownerId), dueAt);
            var added = await AddStagedAsync(scope, incident, actions, [spec], who, ct);
            var action = added[0];
            var lacking = incident.State != IncidentState.Closed && IsCritical(incident) && action.DueAt is null
                ? $" It has no due date, so {incident.Id} cannot close until it gets one (/incident action set {incident.Id} {action.Number} due <date>)."
                : "";
            return Done(incident, $"Added {action.Ref}: {action.Text} · {ActionWords.Who(action.OwnerName)} · {ActionWords.Due(action.DueAt, plan, scope.Now)}.{lacking}");
        }, ct);
    }

    public Task<DeskResult> SetAsync(Actor who, int number, int k, string? ownerId, string? due, CancellationToken ct)
    {
        if (ownerId is null && due is null)
            return Invalid("Give the action an owner, a due date or both: /incident action set [INC-n] <k> owner <@person> due <duration|YYYY-MM-DD>.");
        if (OwnerProblem(ownerId) is { } problem)
            return Invalid(problem);
        return OnActionAsync(who, number, k, "change the corrective actions of", async (scope, incident, actions, action) =>
        {
            if (!action.IsOpen)
                return DeskResult.Invalid($"{action.Ref} is already {ActionWords.StateWord(ActionView.Of(action), scope.Now)}; add a new action if more is needed.");
            var (dueAt, dueProblem) = due is null ? (null, null) : ActionText.ParseDue(due, plan, scope.Now);
            if (dueProblem is not null)
                return DeskResult.Invalid(dueProblem);
            var owner = ownerId is null ? null : plan.FindPerson(ownerId);
            var newOwner = owner is not null && !string.Equals(owner.Id, action.OwnerId, StringComparison.OrdinalIgnoreCase);
            action.Assign(owner?.Id, owner?.Name, dueAt);
            var text = $"{who.Name} set {action.Ref} ({ActionText.Clip(action.Text)}): {ActionWords.Who(action.OwnerName)} · {ActionWords.Due(action.DueAt, plan, scope.Now)}.";
            await StageChangeAsync(scope, incident, actions, action, who, "action-set", text, ct);
            if (newOwner)
                TellOwner(scope, incident, action, who);
            return Done(incident, text + CanCloseNow(incident, actions));
        }, ct);
    }

    public Task<DeskResult> DoneAsync(Actor who, int number, int k, CancellationToken ct) =>
        OnActionAsync(who, number, k, "change the corrective actions of", async (scope, incident, actions, action) =>
        {
            if (action.State == ActionState.Done)
                return new DeskResult(DeskStatus.Unchanged, $"{action.Ref} is already done ({action.ClosedByName}, {ActionWords.When(action.ClosedAt!.Value, plan, scope.Now)}).", views.View(incident));
            if (action.State == ActionState.Dropped)
                return DeskResult.Invalid($"{action.Ref} was dropped ({action.DropReason}); add it again with /incident action add if it is needed after all.");
            action.Complete(who, scope.Now);
            var late = action.DueAt is { } dueAt && dueAt < scope.Now ? $", {DurationText.Format(scope.Now - dueAt)} after its due date" : "";
            var text = $"{who.Name} marked {action.Ref} done{late}: {action.Text}";
            await StageChangeAsync(scope, incident, actions, action, who, "action-done", text, ct);
            return Done(incident, text + CanCloseNow(incident, actions));
        }, ct);

    public Task<DeskResult> DropAsync(Actor who, int number, int k, string reason, CancellationToken ct)
    {
        var why = reason.Trim();
        if (why.Length == 0)
            return Invalid("Dropping an action needs a reason, for the timeline and the post-mortem: /incident action drop [INC-n] <k> <reason>.");
        return OnActionAsync(who, number, k, "change the corrective actions of", async (scope, incident, actions, action) =>
        {
            if (!action.IsOpen)
                return DeskResult.Invalid($"{action.Ref} is already {ActionWords.StateWord(ActionView.Of(action), scope.Now)}.");
            action.Drop(who, why.Length <= Incident.MaxTextLength ? why : why[..Incident.MaxTextLength], scope.Now);
            var text = $"{who.Name} dropped {action.Ref} ({ActionText.Clip(action.Text)}): {action.DropReason}";
            await StageChangeAsync(scope, incident, actions, action, who, "action-dropped", text, ct);
            return Done(incident, text + CanCloseNow(incident, actions));
        }, ct);
    }

    /// <summary>
    /// Numbers and stores <paramref name="specs"/> after the incident's existing actions, with their timeline entries,
    /// reminders and a note to each owner; the RCA and <c>action add</c> both come here.
    /// </summary>
    public async Task<IReadOnlyList<CorrectiveAction>> AddStagedAsync(
        ChangeScope scope, Incident incident, List<CorrectiveAction> existing, IReadOnlyList<ActionSpec> specs, Actor who, CancellationToken ct)
    {
        var next = existing.Count == 0 ? 1 : existing.Max(a => a.Number) + 1;
        var added = specs.Select((spec, i) => new CorrectiveAction(incident.Number, next + i, spec, who, scope.Now)).ToList();
        scope.Db.Actions.AddRange(added);
        // The reminders are keyed by the action's row id, which the database gives on insert.
        await scope.Db.SaveChangesAsync(ct);
        foreach (var action in added)
        {
            scope.Db.Timers.AddRange(ActionTimers.Plan(action, scope.Now));
            scope.Db.Timeline.Add(Entry(scope, incident, who, "action-added",
                $"{who.Name} added {action.Ref}: {action.Text} · {ActionWords.Who(action.OwnerName)} · {ActionWords.Due(action.DueAt, plan, scope.Now)}."));
            if (action.OwnerId is not null && !string.Equals(action.OwnerId, who.Id, StringComparison.OrdinalIgnoreCase))
                TellOwner(scope, incident, action, who);
        }

        existing.AddRange(added);
        await tickets.WriteBackActionsAsync(scope, incident, existing, ct);
        return added;
    }

    /// <summary>The incident's actions, tracked, in their numbered order.</summary>
    public static Task<List<CorrectiveAction>> LoadAsync(ChangeScope scope, int number, CancellationToken ct) =>
        scope.Db.Actions.Where(a => a.IncidentNumber == number).OrderBy(a => a.Number).ToListAsync(ct);

    private async Task StageChangeAsync(
        ChangeScope scope, Incident incident, List<CorrectiveAction> actions, CorrectiveAction action, Actor who, string verb, string text, CancellationToken ct)
    {
        scope.Db.Timers.RemoveRange(await scope.TimersAsync(TimerSubject.Action, action.Id, ct));
        scope.Db.Timers.AddRange(ActionTimers.Plan(action, scope.Now));
        scope.Db.Timeline.Add(Entry(scope, incident, who, verb, text));
        await tickets.WriteBackActionsAsync(scope, incident, actions, ct);
    }

    private void TellOwner(ChangeScope scope, Incident incident, CorrectiveAction action, Actor who) =>
        scope.Db.Outbox.Add(OutboxMessage.ForAction(scope.Now, incident.Number, action.Number, new Notice(NoticeKind.Message, Audience.Person,
            $"{who.Name} made you the owner of {action.Ref} ({incident.Title}): {action.Text} · {ActionWords.Due(action.DueAt, plan, scope.Now)}. "
            + $"Mark it done with /incident action done {incident.Id} {action.Number}.", action.OwnerId)));

    private static TimelineEntry Entry(ChangeScope scope, Incident incident, Actor who, string verb, string text) =>
        new(incident.Number, scope.Now, who, verb, text, incident.State, incident.State);

    private string CanCloseNow(Incident incident, List<CorrectiveAction> actions) =>
        incident.State == IncidentState.RcaPending && incident.RcaSubmittedAt is not null && ActionGaps.Of(actions).IsEmpty
            ? $"\nEvery corrective action of {incident.Id} now has an owner and a due date: close it with /incident close {incident.Id}."
            : "";

    private bool IsCritical(Incident incident) => (plan.FindSeverity(incident.SeverityId) ?? plan.DefaultSeverityPlan).Rca.Required;

    private string? OwnerProblem(string? ownerId) =>
        ownerId is null || plan.FindPerson(ownerId) is not null
            ? null
            : $"The response plan has no person '{ownerId}' to own the action. People: {string.Join(", ", plan.People.Select(p => p.Id))}.";

    private DeskResult Done(Incident incident, string message) => new(DeskStatus.Done, message, views.View(incident));

    private static Task<DeskResult> Invalid(string sentence) => Task.FromResult(DeskResult.Invalid(sentence));

    private Task<DeskResult> OnActionAsync(
        Actor who, int number, int k, string verb,
        Func<ChangeScope, Incident, List<CorrectiveAction>, CorrectiveAction, Task<DeskResult>> change, CancellationToken ct) =>
        OnIncidentAsync(who, number, verb, k, (scope, incident, actions) =>
            change(scope, incident, actions, actions.Single(a => a.Number == k)), ct);

    // k: the action the change is about; it must exist, and its owner may change it too.
    private Task<DeskResult> OnIncidentAsync(
        Actor who, int number, string verb, int? k, Func<ChangeScope, Incident, List<CorrectiveAction>, Task<DeskResult>> change, CancellationToken ct) =>
        work.RunAsync(async scope =>
        {
            var incident = await scope.LoadIncidentAsync(number, ct);
            if (incident is null)
                return DeskResult.NotFound(number);
            if (incident.State == IncidentState.Cancelled)
                return DeskResult.Invalid($"{incident.Id} was cancelled ({incident.CancelReason}); it has no corrective actions.");
            var actions = await LoadAsync(scope, number, ct);
            var action = k is { } wanted ? actions.Find(a => a.Number == wanted) : null;
            if (k is not null && action is null)
                return DeskResult.Invalid(actions.Count == 0
                    ? $"{incident.Id} has no corrective actions yet; add one with /incident action add {incident.Id} <text> owner <@person> [due <date>]."
                    : $"{incident.Id} has no action #{k}; it has #1 to #{actions.Max(a => a.Number)} (/incident actions {incident.Id} lists them).");

            if (incident.RefuseActionChange(new IncidentContext(plan, scope.Now), who, verb, action?.OwnerId, action?.OwnerName) is { } refusal)
            {
                scope.StageRefusal(incident);
                return new DeskResult(DeskStatus.Refused, refusal, views.View(incident));
            }

            return await change(scope, incident, actions);
        }, ct);
}
