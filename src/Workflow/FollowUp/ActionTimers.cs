using Jivrus.IncidentBot.Workflow.Agenda;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>
/// The deadlines of a corrective action: a reminder a day before it is due and a nudge once it is overdue, both to its
/// owner. An action without an owner or a due date has none: the summaries and the critical close chase it instead.
/// </summary>
public static class ActionTimers
{
    /// <summary>How long before the due date the owner is reminded.</summary>
    public static readonly TimeSpan RemindBefore = TimeSpan.FromDays(1);

    /// <summary>The timer rows the action has now, stamped with its version.</summary>
    public static IEnumerable<IncidentTimer> Plan(CorrectiveAction action, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!action.IsOpen || action.OwnerId is null || action.DueAt is not { } due)
            yield break;
        // Given less than a day, the owner just heard of it; a reminder on top would be noise.
        if (!action.Reminded && due - RemindBefore > now)
            yield return IncidentTimer.ForAction(action.Id, TimerKind.ActionReminder, due - RemindBefore, action.Version);
        if (!action.OverdueNotified)
            yield return IncidentTimer.ForAction(action.Id, TimerKind.ActionOverdue, due, action.Version);
    }
}
