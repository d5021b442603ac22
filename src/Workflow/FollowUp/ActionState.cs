namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>Where a corrective action stands.</summary>
public enum ActionState
{
    /// <summary>Still to do.</summary>
    Open,

    /// <summary>Done; <see cref="CorrectiveAction.ClosedAt"/> says when.</summary>
    Done,

    /// <summary>Dropped on purpose; <see cref="CorrectiveAction.DropReason"/> says why.</summary>
    Dropped,
}
