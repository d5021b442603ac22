using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Desk;

// Who may do what to an incident ("Who may act" in the design); the rule itself lives on the incident.
public sealed partial class Desk
{
    private Outcome? Authorize(Actor who, Permission permission, string verb, Incident incident) => permission switch
    {
        _ when who.Kind == ActorKind.System => null,
        Permission.Anyone => null,
        Permission.Manager when who.Kind != ActorKind.PlanPerson || !plan.IsManager(who.Id) => Outcome.Refused(incident.OnlyManagers(who, verb)),
        Permission.Responder when !incident.MayChange(who) => Outcome.Refused(incident.MayNotChange(who, verb)),
        _ => null,
    };

    private enum Permission
    {
        Anyone,

        /// <summary>Changing an incident: its paged levels, its commander, responders, managers.</summary>
        Responder,
        Manager,
    }
}
