namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>What an intent method of <see cref="Incident"/> did.</summary>
public sealed record Outcome(OutcomeKind Kind, string Message)
{
    public bool Changed => Kind == OutcomeKind.Accepted;

    public static Outcome Accepted(string message) => new(OutcomeKind.Accepted, message);

    /// <summary>The trigger was allowed but nothing needed to change (a second acknowledgement).</summary>
    public static Outcome Unchanged(string message) => new(OutcomeKind.Unchanged, message);

    public static Outcome Refused(string message) => new(OutcomeKind.Refused, message);
}

public enum OutcomeKind
{
    Accepted,
    Unchanged,
    Refused,
}
