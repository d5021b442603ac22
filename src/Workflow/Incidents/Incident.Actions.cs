namespace Jivrus.IncidentBot.Workflow.Incidents;

// Corrective actions live in their own table; the incident only decides who may change them ("Who may act").
public sealed partial class Incident
{
    /// <summary>
    /// The refusal for <paramref name="who"/> changing this incident's corrective actions, or null when they may: those
    /// who may change the incident may, and so may the owner of the action (<paramref name="actionOwnerId"/>). A refusal
    /// is recorded in <see cref="NewTimelineEntries"/>; the incident itself does not change.
    /// </summary>
    public string? RefuseActionChange(IncidentContext context, Actor who, string verb, string? actionOwnerId = null, string? actionOwnerName = null)
    {
        ArgumentNullException.ThrowIfNull(who);
        string? refusal = null;
        Change(context, _ =>
        {
            var owner = actionOwnerId is not null && who.Kind == ActorKind.PlanPerson
                && string.Equals(actionOwnerId, who.Id, StringComparison.OrdinalIgnoreCase);
            if (owner || MayChange(who))
                return Outcome.Unchanged("");
            refusal = MayNotChange(who, verb) + (actionOwnerName is null ? "" : $" {actionOwnerName}, who owns it, may too.");
            RecordRefusal(who, refusal);
            return Outcome.Refused(refusal);
        });
        return refusal;
    }
}
