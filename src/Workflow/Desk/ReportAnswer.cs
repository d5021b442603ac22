using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// The reply to a reporter: the incident, the severity it was filed as, what decided it, and how to change it at
/// once, so a wrong guess costs one command instead of a night on the wrong clock.
/// </summary>
internal static class ReportAnswer
{
    public static string Text(ResponsePlan plan, Incident incident)
    {
        var filed = $"{incident.Id} reported: {Sentence(incident.Title)}";
        var text = Severity(plan, incident, filed);
        if (incident.IsDrill)
            text += "\nThis is a drill: nothing goes to the announce channel and it stays out of the SLA figures; the ladder and its timers run as for real.";
        if (incident.IsPrivate)
            text += "\nIt is private: nothing goes to the announce channel, and only the people paged, you, its commander and managers can see it.";
        return text;
    }

    private static string Severity(ResponsePlan plan, Incident incident, string filed)
    {
        var severity = plan.FindSeverity(incident.SeverityId) ?? plan.DefaultSeverityPlan;
        var change = $"/incident sev {incident.Id} <{Range(plan)}>";
        var classified = incident.Classification;
        if (incident.NeedsTriage)
        {
            return $"{filed} It needs triage: no severity word was found, so it runs on {severity.Id} ({severity.Name}) clocks "
                + $"and {plan.Escalation.Level(1).Name} is paged. Pick its severity on the card or with {change}.";
        }

        var why = classified?.Reason switch
        {
            SeverityReason.Given => ", as chosen",
            SeverityReason.Word => $" because of \"{classified.Word}\"",
            SeverityReason.Floor => " from the ticket's priority",
            SeverityReason.Default => ", the plan's default: no severity word was found",
            _ => "",
        };
        return $"{filed} Filed as {severity.Id} ({severity.Name}){why}. Not right? {change}";
    }

    private static string Sentence(string title) =>
        title.Length > 0 && title[^1] is '.' or '!' or '?' ? title : title + ".";

    private static string Range(ResponsePlan plan) =>
        plan.Severities.Count == 1 ? plan.Severities[0].Id : $"{plan.Severities[0].Id}..{plan.Severities[^1].Id}";
}
