using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Incidents;

// "Who may act" of the design: one rule for the Desk's check and the acknowledge guard, so they cannot disagree.
public sealed partial class Incident
{
    /// <summary>
    /// True when <paramref name="who"/> may change this incident: someone on a ladder level it has reached,
    /// its commander, anyone with the responder role, or a manager. The bot's own timers always may.
    /// </summary>
    public bool MayChange(Actor who)
    {
        if (who.Kind == ActorKind.System)
            return true;
        if (who.Kind != ActorKind.PlanPerson)
            return false;
        return PlanInForce.IsManager(who.Id)
            || PlanInForce.IsResponder(who.Id)
            || string.Equals(CommanderId, who.Id, StringComparison.OrdinalIgnoreCase)
            || OnLadder(who.Id, LevelsReached);
    }

    /// <summary>How many ladder levels have been paged for this incident; a reopen does not take back the top.</summary>
    private int LevelsReached => ReachedTop ? PlanInForce.Escalation.Top : Level;

    /// <summary>The refusal for someone who may not change the incident, naming who can instead.</summary>
    public string MayNotChange(Actor who, string verb)
    {
        var ask = new List<string>();
        var paged = Enumerable.Range(1, LevelsReached)
            .SelectMany(level => PagedPeopleAt(PlanInForce, level))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(PlanInForce.FindPerson).OfType<Person>()
            .Where(p => !PlanInForce.IsManager(p.Id))
            .Select(p => p.Name)
            .ToList();
        if (paged.Count > 0)
            ask.Add($"someone paged for it ({string.Join(", ", paged)})");
        if (CommanderName is not null)
            ask.Add($"its commander ({CommanderName})");
        if (ManagerNames() is { Length: > 0 } managers)
            ask.Add($"a manager ({managers})");
        var instead = ask.Count == 0 ? "" : $" Ask {Either(ask)}";
        var escalate = IsOpen && CanClimb() ? $"{(instead.Length == 0 ? " Use" : ", or use")} /escalate {Id} to page the next level." : instead.Length == 0 ? "" : ".";
        return $"{who.Name} cannot {verb} {Id}.{instead}{escalate}";
    }

    /// <summary>The refusal for a manager-only move, naming the managers.</summary>
    public string OnlyManagers(Actor who, string verb)
    {
        var managers = ManagerNames();
        var ask = managers.Length == 0 ? " The response plan names no manager." : $" Ask {managers}.";
        return $"Only a manager may {verb} {Id}; {who.Name} is not one.{ask}";
    }

    private string ManagerNames() => Either(PlanInForce.Managers.Select(p => p.Name).ToList());

    /// <summary>"A", "A or B", "A, B or C".</summary>
    private static string Either(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}",
    };
}
