using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Desk;

// Corrective actions (IncidentActions): /incident action add|set|done|drop and /incident actions.
public sealed partial class Desk
{
    /// <summary>Adds a corrective action; <paramref name="ownerId"/> is a plan person, <paramref name="due"/> a duration or a date as typed.</summary>
    public Task<DeskResult> AddActionAsync(Actor who, int number, string text, string? ownerId, string? due, CancellationToken ct = default) =>
        _actions.AddAsync(who, number, text, ownerId, due, ct);

    /// <summary>Gives action <paramref name="k"/> of the incident an owner, a due date, or both.</summary>
    public Task<DeskResult> SetActionAsync(Actor who, int number, int k, string? ownerId, string? due, CancellationToken ct = default) =>
        _actions.SetAsync(who, number, k, ownerId, due, ct);

    /// <summary>Marks action <paramref name="k"/> done; its owner may, as may anyone who may change the incident.</summary>
    public Task<DeskResult> CompleteActionAsync(Actor who, int number, int k, CancellationToken ct = default) =>
        _actions.DoneAsync(who, number, k, ct);

    /// <summary>Drops action <paramref name="k"/> with a reason; its owner may, as may anyone who may change the incident.</summary>
    public Task<DeskResult> DropActionAsync(Actor who, int number, int k, string reason, CancellationToken ct = default) =>
        _actions.DropAsync(who, number, k, reason, ct);

    /// <summary>
    /// The corrective actions of incident <paramref name="number"/>, in their numbered order, with owner, due date and
    /// state (for <c>/incident actions INC-n</c>); null when there is no such incident or, for a private one, when
    /// <paramref name="asker"/> is not a member (the same answer, so nobody learns it exists).
    /// </summary>
    public Task<IReadOnlyList<ActionView>?> ActionsOfAsync(int number, Actor asker, CancellationToken ct = default) =>
        _actions.OfIncidentAsync(number, asker, ct);

    /// <summary>The asker's open actions, or every overdue one; at most <paramref name="limit"/>, with how many matched.</summary>
    public Task<ActionList> ListActionsAsync(ActionFilter filter, Actor asker, int limit = 50, CancellationToken ct = default) =>
        _actions.ListAsync(filter, asker, _time.GetUtcNow(), limit, ct);

    /// <summary>One action on one line as replies show it, its due date in the plan's zone.</summary>
    public string ActionLine(ActionView action) => ActionWords.Line(action, _plan, _time.GetUtcNow());
}
