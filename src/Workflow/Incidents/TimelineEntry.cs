namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>One line of an incident's timeline: who did what, when, and how the state moved.</summary>
public sealed class TimelineEntry
{
    public long Id { get; private set; }
    public int IncidentNumber { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";

    /// <summary>Short verb such as <c>reported</c>, <c>acknowledged</c>, <c>refused</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The sentence shown on the timeline.</summary>
    public string Text { get; private set; } = "";
    public IncidentState FromState { get; private set; }
    public IncidentState ToState { get; private set; }

    private TimelineEntry()
    {
    }

    internal TimelineEntry(int incidentNumber, DateTimeOffset at, Actor actor, string action, string text, IncidentState from, IncidentState to)
    {
        IncidentNumber = incidentNumber;
        At = at;
        ActorId = actor.Id;
        ActorName = actor.Name;
        Action = action;
        Text = text;
        FromState = from;
        ToState = to;
    }

    internal void AttachTo(int incidentNumber) => IncidentNumber = incidentNumber;
}
