using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>A corrective action as queries answer it: for <c>/incident actions</c>, summaries and the post-mortem document.</summary>
public sealed record ActionView(
    int IncidentNumber,
    int Number,
    string Text,
    string? OwnerId,
    string? OwnerName,
    DateTimeOffset? DueAt,
    ActionState State,
    string? DropReason,
    DateTimeOffset? ClosedAt,
    string? ClosedByName)
{
    /// <summary><c>INC-7 #2</c>.</summary>
    public string Ref => $"{IncidentId.Format(IncidentNumber)} #{Number}";

    public static ActionView Of(CorrectiveAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new(action.IncidentNumber, action.Number, action.Text, action.OwnerId, action.OwnerName, action.DueAt, action.State,
            action.DropReason, action.ClosedAt, action.ClosedByName);
    }
}

/// <summary>Actions of a list query: at most a page of them, and how many matched in all.</summary>
public sealed record ActionList(IReadOnlyList<ActionView> Shown, int Total);

/// <summary>Which actions <c>/incident actions</c> lists across incidents.</summary>
public enum ActionFilter
{
    /// <summary>The asker's open actions, soonest due first.</summary>
    Mine,

    /// <summary>Every open action past its due date, most overdue first.</summary>
    Overdue,
}
