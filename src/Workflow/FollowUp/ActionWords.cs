using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>How corrective actions read in replies, reminders, timelines and ticket notes; due dates in the plan's zone.</summary>
public static class ActionWords
{
    /// <summary>"INC-7 #2 · open · Add disk alerts · owner Ana · due Fri 20 Dec 18:00 (Asia/Kolkata)".</summary>
    public static string Line(ActionView action, ResponsePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        return $"{action.Ref} · {StateWord(action, now)} · {action.Text} · {Who(action.OwnerName)} · {Due(action.DueAt, plan, now)}";
    }

    /// <summary>"open", "overdue", "done", "dropped: no longer needed".</summary>
    public static string StateWord(ActionView action, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.State switch
        {
            ActionState.Done => "done",
            ActionState.Dropped => $"dropped: {action.DropReason}",
            _ when action.DueAt is { } due && due <= now => "overdue",
            _ => "open",
        };
    }

    public static string Who(string? ownerName) => ownerName is null ? "no owner" : $"owner {ownerName}";

    public static string Due(DateTimeOffset? due, ResponsePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return due is { } at ? $"due {When(at, plan, now)}" : "no due date";
    }

    /// <summary>An instant in the plan's zone, with the day when it is not today.</summary>
    public static string When(DateTimeOffset at, ResponsePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return WallClock.Describe(at, now, plan.TimeZone);
    }
}
