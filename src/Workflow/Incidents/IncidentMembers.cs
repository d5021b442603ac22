using System.Linq.Expressions;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>
/// Who belongs to an incident, the one rule for who may see a private one (show, list, timeline, post-mortem) and who
/// is invited to or told of it: its reporter, its commander, whoever acknowledged it, the people on every ladder level
/// it has reached (so more join as it climbs), and managers. The bot's own timers always belong. A person with the
/// responder role is not a member by that role alone: a private incident is need-to-know.
/// </summary>
public static class IncidentMembers
{
    /// <summary>True when <paramref name="who"/> is a member of <paramref name="incident"/>.</summary>
    public static bool IsMember(Incident incident, Actor who, ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(plan);
        if (who.Kind == ActorKind.System)
            return true;
        if (Same(incident.ReporterId, who.Id) || Same(incident.CommanderId, who.Id) || Same(incident.AcknowledgedById, who.Id))
            return true;
        return who.Kind == ActorKind.PlanPerson
            && (plan.IsManager(who.Id) || incident.PagedOrNamed(who.Id, plan, LevelsReached(incident, plan)));
    }

    /// <summary>
    /// The plan people who are members, in plan order, for invitations and personal posts. The reporter and whoever
    /// acknowledged are in it only when the plan names them.
    /// </summary>
    public static IReadOnlyList<Person> People(Incident incident, ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.People.Where(p => IsMember(incident, Actor.Person(p.Id, p.Name), plan)).ToList();
    }

    /// <summary>
    /// The same rule as <see cref="IsMember"/> joined with "or public", as a filter the database runs, so a list counts
    /// only what the asker may see without reading every private incident.
    /// </summary>
    public static Expression<Func<Incident, bool>> MayView(Actor who, ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(plan);
        if (who.Kind == ActorKind.System || (who.Kind == ActorKind.PlanPerson && plan.IsManager(who.Id)))
            return i => true;
        var id = who.Id;
        Expression<Func<Incident, bool>> rule = i => !i.IsPrivate || i.ReporterId == id || i.CommanderId == id || i.AcknowledgedById == id;
        if (who.Kind != ActorKind.PlanPerson)
            return rule;
        if (LowestLevel(who.Id, plan) is { } level)
            rule = PagedMembership.Or(rule, i => i.ReachedTop || i.Level >= level);
        // Named on no level reached, yet paged there through a rotation: a member as well (PagedOrNamed).
        return PagedMembership.Or(rule, PagedMembership.WasPaged(id, plan.Escalation.Top));
    }

    /// <summary>How many ladder levels have been paged; a reopen does not take back the top.</summary>
    private static int LevelsReached(Incident incident, ResponsePlan plan) => incident.ReachedTop ? plan.Escalation.Top : incident.Level;

    /// <summary>The first (1-based) ladder level naming the person, or null when no level does.</summary>
    private static int? LowestLevel(string personId, ResponsePlan plan)
    {
        for (var level = 1; level <= plan.Escalation.Top; level++)
        {
            if (plan.IsOnLadder(personId, level))
                return level;
        }

        return null;
    }

    private static bool Same(string? a, string b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
