using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>The private note with an incident's corrective actions, written back to its linked Freshdesk tickets.</summary>
public static class WriteBackActions
{
    /// <summary>"Corrective actions of INC-7 (Checkout down):" and one line per action with its owner, due date and state.</summary>
    public static string Note(Incident incident, IEnumerable<ActionView> actions, ResponsePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var lines = actions.Select(a => $"#{a.Number} {a.Text} · {ActionWords.Who(a.OwnerName)} · {ActionWords.Due(a.DueAt, plan, now)} · {ActionWords.StateWord(a, now)}");
        return $"Corrective actions of {incident.Id} ({incident.Title}):\n{string.Join('\n', lines)}";
    }
}
