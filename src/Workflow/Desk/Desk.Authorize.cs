using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Desk;

// Who may do what to an incident; moved out of Desk.cs to keep that file small.
public sealed partial class Desk
{
    private Outcome? Authorize(Actor who, Permission permission, string verb, Incident incident)
    {
        if (who.Kind == ActorKind.System || permission == Permission.Anyone)
            return null;
        var isManager = who.Kind == ActorKind.PlanPerson && plan.IsManager(who.Id);
        var isResponder = who.Kind == ActorKind.PlanPerson && plan.IsResponder(who.Id);
        if (permission == Permission.Manager && !isManager)
            return Outcome.Refused($"Only a manager may {verb} {incident.Id}; {who.Name} is not one in the response plan.");
        if (permission == Permission.Responder && !isManager && !isResponder)
        {
            var paged = string.Join(", ", incident.PagedPeople().Select(p => p.Name));
            return Outcome.Refused($"{who.Name} is not a responder in the response plan, so cannot {verb} {incident.Id}. Ask the on-call ({paged}) or use /escalate {incident.Id}.");
        }

        return null;
    }

    private enum Permission
    {
        Anyone,
        Responder,
        Manager,
    }
}
