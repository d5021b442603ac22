using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>
/// One corrective action of an incident (<c>INC-7 #2</c>): what is to be done, by whom, by when, and where it stands.
/// Actions come from the RCA's <c>actions:</c> or from <c>/incident action add</c>; each change is written on the
/// incident's timeline by the desk. <see cref="Version"/> stamps the action's reminder timers, so a change makes them stale.
/// </summary>
public sealed class CorrectiveAction
{
    public const int MaxTextLength = 500;

    /// <summary>Row id; the subject id of the action's timers.</summary>
    public long Id { get; private set; }
    public int IncidentNumber { get; private set; }

    /// <summary>1-based number within the incident: the <c>2</c> of <c>INC-7 #2</c>.</summary>
    public int Number { get; private set; }
    public string Text { get; private set; } = "";
    public string? OwnerId { get; private set; }
    public string? OwnerName { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public ActionState State { get; private set; }
    public string? DropReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedByName { get; private set; } = "";

    /// <summary>When it was marked done or dropped.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedByName { get; private set; }

    /// <summary>True once the owner was reminded that the due date is near.</summary>
    public bool Reminded { get; private set; }

    /// <summary>True once the owner was told the action is overdue.</summary>
    public bool OverdueNotified { get; private set; }
    public int Version { get; private set; }

    private CorrectiveAction()
    {
    }

    internal CorrectiveAction(int incidentNumber, int number, ActionSpec spec, Actor by, DateTimeOffset at)
    {
        IncidentNumber = incidentNumber;
        Number = number;
        Text = spec.Text;
        OwnerId = spec.Owner?.Id;
        OwnerName = spec.Owner?.Name;
        DueAt = spec.DueAt;
        CreatedAt = at;
        CreatedByName = by.Name;
    }

    /// <summary><c>INC-7 #2</c>.</summary>
    public string Ref => $"{IncidentId.Format(IncidentNumber)} #{Number}";

    public bool IsOpen => State == ActionState.Open;

    /// <summary>Open and past its due date.</summary>
    public bool IsOverdue(DateTimeOffset now) => IsOpen && DueAt is { } due && due <= now;

    /// <summary>True when it needs nothing more before a critical incident may close: done, dropped, or owned and dated.</summary>
    public bool IsSettled => !IsOpen || (OwnerId is not null && DueAt is not null);

    internal void Assign(string? ownerId, string? ownerName, DateTimeOffset? dueAt)
    {
        if (ownerId is not null)
        {
            OwnerId = ownerId;
            OwnerName = ownerName;
        }

        if (dueAt is not null)
        {
            DueAt = dueAt;
            Reminded = false;
            OverdueNotified = false;
        }

        Version++;
    }

    internal void Complete(Actor by, DateTimeOffset at)
    {
        State = ActionState.Done;
        ClosedAt = at;
        ClosedByName = by.Name;
        Version++;
    }

    internal void Drop(Actor by, string reason, DateTimeOffset at)
    {
        State = ActionState.Dropped;
        DropReason = reason;
        ClosedAt = at;
        ClosedByName = by.Name;
        Version++;
    }

    internal void MarkReminded() => Reminded = true;

    internal void MarkOverdueNotified() => OverdueNotified = true;
}
