using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>
/// What a reporter tells the bot about a new incident. <see cref="SeverityId"/> is a severity the reporter chose
/// (a <c>sevN</c> token, a form's choice); without it the title's words decide (<see cref="SeverityWords"/>).
/// <see cref="AtLeastSeverityId"/> is a floor that words may raise but not lower (a promoted ticket's priority).
/// <see cref="Private"/> files a private incident, <see cref="Drill"/> a practice one (see <see cref="Incident.IsPrivate"/>, <see cref="Incident.IsDrill"/>).
/// <see cref="AlertNote"/> is what the alerts of an incident monitoring opened say, for its card; <see cref="AlertLines"/>
/// go on its timeline after the report (a storm's groups).
/// </summary>
public sealed record IncidentReport(
    string Title, string? SeverityId = null, string? Impact = null, string? Description = null, string? AtLeastSeverityId = null,
    bool Private = false, bool Drill = false, string? AlertNote = null, IReadOnlyList<string>? AlertLines = null)
{
    /// <summary>A sentence saying what is wrong with the report, or null when it can be filed.</summary>
    public string? Problem(ResponsePlan plan)
    {
        var severity = Classify(plan);
        if (severity.Problem is { } problem)
            return problem;
        var title = severity.Title;
        if (title.Length == 0)
            return "An incident needs a title: /incident report <title> [sev1..sev4] [impact: <text>].";
        if (title.Length > Incident.MaxTitleLength)
            return $"The title is too long ({title.Length} characters; at most {Incident.MaxTitleLength}). Put the details in impact: or the description.";
        if ((Impact?.Length ?? 0) > Incident.MaxTextLength || (Description?.Length ?? 0) > Incident.MaxTextLength)
            return $"Impact and description may be at most {Incident.MaxTextLength} characters each.";
        return null;
    }

    /// <summary>Which severity the report is filed as, why, and the title without tokens that only said the severity.</summary>
    public ReportSeverity Classify(ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reading = SeverityWords.Read(plan, Title ?? "");
        // Explicit tokens always leave the title; an S1/P1 token only when it is what decided.
        var title = reading.IsExplicit || reading.Problem is not null ? reading.Text.Trim() : (Title ?? "").Trim();
        if (reading.Problem is { } conflict)
            return ReportSeverity.Refused(title, conflict);

        if (SeverityId is not null)
        {
            if (plan.FindSeverity(SeverityId) is not { } given)
                return ReportSeverity.Refused(title, $"There is no severity '{SeverityId}'. Use one of {SeverityWords.Ids(plan)}.");
            if (reading is { IsExplicit: true, Severity: { } other } && other != given)
                return ReportSeverity.Refused(title, $"Give one severity, not both {given.Id} and {other.Id}.");
            return new ReportSeverity(given, SeverityReason.Given, null, title);
        }

        var floor = AtLeastSeverityId is null ? null : plan.FindSeverity(AtLeastSeverityId);
        if (reading.Severity is { } read && (floor is null || reading.IsExplicit || Rank(plan, read) <= Rank(plan, floor)))
            return new ReportSeverity(read, SeverityReason.Word, reading.Word, reading.Text.Trim());
        if (floor is not null)
            return new ReportSeverity(floor, SeverityReason.Floor, null, title);
        return plan.DefaultSeverityOrTriage is { } fallback
            ? new ReportSeverity(fallback, SeverityReason.Default, null, title)
            : new ReportSeverity(plan.TriageSeverity, SeverityReason.Triage, null, title);
    }

    private static int Rank(ResponsePlan plan, SeverityPlan severity) => plan.Severities.ToList().IndexOf(severity);
}

/// <summary>Why a report got its severity.</summary>
public enum SeverityReason
{
    /// <summary>The reporter chose it: a <c>sevN</c> token or a form's choice.</summary>
    Given,

    /// <summary>A word of the title named it (<see cref="ReportSeverity.Word"/>).</summary>
    Word,

    /// <summary>A promoted ticket's priority, no word naming anything more urgent.</summary>
    Floor,

    /// <summary>Nothing named one; the plan's <c>defaultSeverity</c>.</summary>
    Default,

    /// <summary>Nothing named one and the plan has no default: it needs triage, on the most urgent clocks.</summary>
    Triage,
}

/// <summary>The outcome of <see cref="IncidentReport.Classify"/>; <see cref="Severity"/> is null only with a <see cref="Problem"/>.</summary>
public sealed record ReportSeverity(SeverityPlan? Severity, SeverityReason Reason, string? Word, string Title, string? Problem = null)
{
    internal static ReportSeverity Refused(string title, string problem) => new(null, SeverityReason.Given, null, title, problem);
}
