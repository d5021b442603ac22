using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>What the report forms say about leaving the severity empty, the same in every channel.</summary>
public static class SeverityHint
{
    /// <summary>The label of the "no severity" choice.</summary>
    public static string NoChoice(ResponsePlan plan) => plan.DefaultSeverityOrTriage is { } fallback
        ? $"Not sure: the title's words decide, else {fallback.Id} · {fallback.Name}"
        : "Not sure: the title's words decide, else it needs triage";

    /// <summary>A sentence under the severity field.</summary>
    public static string Field(ResponsePlan plan) => plan.DefaultSeverityOrTriage is { } fallback
        ? $"Leave it empty if you are not sure: words like \"outage\" or \"sev2\" in the title decide, else it is filed as {fallback.Id}."
        : $"Leave it empty if you are not sure: words like \"outage\" or \"sev2\" in the title decide, else it needs triage and pages on {plan.TriageSeverity.Id} clocks until someone picks.";
}
