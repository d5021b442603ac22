using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>The answer to a command: a sentence for the person, and the incident as it now stands.</summary>
public sealed record DeskResult(DeskStatus Status, string Message, IncidentView? Incident = null)
{
    public bool Succeeded => Status is DeskStatus.Done or DeskStatus.Unchanged;

    public static DeskResult NotFound(int number) =>
        new(DeskStatus.NotFound, $"There is no {IncidentId.Format(number)}. /incident list shows the open incidents.");

    public static DeskResult Invalid(string sentence) => new(DeskStatus.Invalid, sentence);
}

public enum DeskStatus
{
    /// <summary>The incident changed.</summary>
    Done,

    /// <summary>Allowed, but there was nothing to change (a second acknowledgement).</summary>
    Unchanged,

    /// <summary>Not allowed: the state or the person's role forbids it. Recorded on the timeline.</summary>
    Refused,

    NotFound,

    /// <summary>The input itself was wrong (empty title, unknown severity); nothing was written.</summary>
    Invalid,
}
