using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Incidents;

// Rotations decide who a level pages at the moment it is paged; the incident keeps those people, so a handoff
// later does not take an incident away from whoever was paged for it.
public sealed partial class Incident
{
    /// <summary>
    /// The people paged at each level reached, levels separated by ';' and people by ',' ("ana;chen"); null for
    /// an incident filed before rotations, whose levels page the people the plan names.
    /// </summary>
    public string? PagedByLevel { get; private set; }

    /// <summary>The person ids paged at 1-based <paramref name="level"/>, or the people the plan names there when none were recorded.</summary>
    public IReadOnlyList<string> PagedPeopleAt(ResponsePlan plan, int level)
    {
        var recorded = RecordedAt(level);
        return recorded.Count > 0
            ? recorded
            : plan.Escalation.Level(level).Responders.Where(r => Rotation.IdOf(r) is null).ToList();
    }

    private OnCallRoster Roster => Context.OnCall ?? OnCallRoster.Scheduled(PlanInForce);

    /// <summary>Who a level pages now: the people it names and whoever is on call for its rotations.</summary>
    private IReadOnlyList<string> RespondersNow(EscalationLevel level) => Roster.Responders(level, Now);

    /// <summary>
    /// Records who the current level pages, unless this level already has its people (a repeat at the top keeps
    /// them). A rotation held by an override at this moment goes on the timeline, with who made the override.
    /// </summary>
    private void RecordPage(bool fresh = false)
    {
        if (!fresh && RecordedAt(Level).Count > 0)
            return;
        var levels = (PagedByLevel ?? "").Split(';').ToList();
        while (levels.Count < Level)
            levels.Add("");
        levels[Level - 1] = string.Join(',', RespondersNow(CurrentLevel));
        PagedByLevel = string.Join(';', levels);

        foreach (var responder in CurrentLevel.Responders)
        {
            if (Rotation.IdOf(responder) is not { } rotationId || Roster.FindRotation(rotationId) is not { } rotation)
                continue;
            if (Roster.At(rotationId, Now).Override is { } cover)
            {
                var text = $"{Name(cover.PersonId)} is on call for {rotation.Name} under override {cover.Label}, made by {Name(cover.CreatedById)}.";
                Record(Actor.Timer, "oncall-override", text, State);
            }
        }
    }

    private List<string> RecordedAt(int level)
    {
        var levels = (PagedByLevel ?? "").Split(';');
        return level >= 1 && level <= levels.Length
            ? levels[level - 1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToList()
            : [];
    }

    /// <summary>True when the person was paged at one of the first <paramref name="levels"/> levels, or is on call there now.</summary>
    /// <summary>
    /// True when the person is named on, or was paged for (through a rotation), one of the first
    /// <paramref name="levels"/> ladder levels of this incident: membership of a private incident.
    /// </summary>
    internal bool PagedOrNamed(string personId, ResponsePlan plan, int levels)
    {
        if (plan.IsOnLadder(personId, levels))
            return true;
        for (var level = 1; level <= levels; level++)
        {
            if (PagedPeopleAt(plan, level).Contains(personId, StringComparer.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    // Who may act: the members' ladder rule, and whoever is on call now for a reached level naming rotations.
    private bool OnLadder(string personId, int levels)
    {
        if (PagedOrNamed(personId, PlanInForce, levels))
            return true;
        for (var level = 1; level <= levels; level++)
        {
            var named = PlanInForce.Escalation.Level(level);
            if (named.Responders.Any(r => Rotation.IdOf(r) is not null)
                && RespondersNow(named).Contains(personId, StringComparer.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    private string Name(string personId) => PlanInForce.FindPerson(personId)?.Name ?? personId;
}
