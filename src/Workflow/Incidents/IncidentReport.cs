using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>What a reporter tells the bot about a new incident.</summary>
public sealed record IncidentReport(string Title, string? SeverityId = null, string? Impact = null, string? Description = null)
{
    /// <summary>A sentence saying what is wrong with the report, or null when it can be filed.</summary>
    public string? Problem(ResponsePlan plan)
    {
        var title = Title?.Trim() ?? "";
        if (title.Length == 0)
            return "An incident needs a title: /incident report <title> [sev1..sev4] [impact: <text>].";
        if (title.Length > Incident.MaxTitleLength)
            return $"The title is too long ({title.Length} characters; at most {Incident.MaxTitleLength}). Put the details in impact: or the description.";
        if (SeverityId is not null && plan.FindSeverity(SeverityId) is null)
            return $"There is no severity '{SeverityId}'. Use one of {string.Join(", ", plan.Severities.Select(s => s.Id))}.";
        if ((Impact?.Length ?? 0) > Incident.MaxTextLength || (Description?.Length ?? 0) > Incident.MaxTextLength)
            return $"Impact and description may be at most {Incident.MaxTextLength} characters each.";
        return null;
    }
}
