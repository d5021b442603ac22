namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>Who does something: a person from the plan, an employee the plan does not name, or the bot's own timers.</summary>
public sealed record Actor(string Id, string Name, ActorKind Kind)
{
    /// <summary>The bot itself, acting on a deadline of the plan.</summary>
    public static Actor Timer { get; } = new("timer", "IncidentBot", ActorKind.System);

    public static Actor Person(string id, string name) => new(id, name, ActorKind.PlanPerson);

    public static Actor Employee(string id, string name) => new(id, name, ActorKind.Employee);
}

public enum ActorKind
{
    /// <summary>Named in the plan's people; roles come from there.</summary>
    PlanPerson,

    /// <summary>Anyone else in the workspace: may report, view and escalate.</summary>
    Employee,

    /// <summary>The bot's timers.</summary>
    System,
}
