using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Alerts;

/// <summary>The words of alert incidents: the report a group files, the storm's report, timeline lines and card notes.</summary>
internal static class AlertText
{
    private const int MaxLabels = 12;

    /// <summary>The report a new group files: its title, its alerts' summaries as the impact, their labels and link as the description.</summary>
    public static IncidentReport Report(AlertSourcePlan source, AlertGroupSignal signal, ResponsePlan plan)
    {
        var firing = Math.Max(1, signal.FiringCount);
        var report = new IncidentReport(
            Clip(signal.Title, Incident.MaxTitleLength), source.SeverityFor(signal.SeverityValue), Impact(signal), Description(signal),
            AlertNote: Firing(firing));
        if (report.Problem(plan) is null)
            return report;
        // The title's own words clash with the mapped severity ("warning" in a critical alert's name): a monitoring
        // system's wording must never keep an alert out, so the incident is named neutrally and the title kept below.
        var neutral = report with
        {
            Title = $"Alert from {source.ReporterName}",
            Description = Clip($"Alert: {signal.Title}\n{report.Description}", Incident.MaxTextLength),
        };
        return neutral.Problem(plan) is null ? neutral : neutral with { Title = "Monitoring alert" };
    }

    /// <summary>The storm's own incident: one for many groups, at the most urgent severity they map to.</summary>
    public static IncidentReport StormReport(AlertSourcePlan source, IReadOnlyList<AlertGroupSignal> groups, ResponsePlan plan)
    {
        var mapped = groups.Select(g => source.SeverityFor(g.SeverityValue)).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var severity = plan.Severities.FirstOrDefault(s => mapped.Contains(s.Id))?.Id;
        return new IncidentReport(
            $"Alert storm from {source.ReporterName}",
            severity,
            $"More than {source.StormGroups} alert groups started firing within {DurationText.Format(source.StormWithin)}; they share this incident instead of paging once each. Every group is on the timeline.",
            AlertNote: StormNote(groups.Count),
            AlertLines: groups.Select(JoinedStorm).ToList());
    }

    public static string Firing(int alerts) => alerts == 1 ? "1 alert firing" : $"{alerts} alerts firing";

    public static string StormNote(int groups) => groups == 1 ? "alert storm: 1 group firing" : $"alert storm: {groups} groups firing";

    public static string StillFiring(AlertGroupSignal signal) =>
        $"Still firing, {Firing(Math.Max(1, signal.FiringCount)).Replace(" firing", "", StringComparison.Ordinal)}: {signal.Title}.";

    public static string JoinedStorm(AlertGroupSignal signal) => $"Alert group firing: {signal.Title} ({Firing(Math.Max(1, signal.FiringCount))}).";

    public static string GroupResolved(AlertGroupSignal signal) => $"Alerts resolved: {signal.Title}.";

    public static string FiringAgain(AlertGroupSignal signal) => $"Firing again: {signal.Title}.";

    // The alerts' own summaries, leaving out one that only repeats the title.
    private static string? Impact(AlertGroupSignal signal)
    {
        var summaries = signal.Alerts.Select(a => a.Summary.Trim())
            .Where(s => s.Length > 0 && !string.Equals(s, signal.Title.Trim(), StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        if (summaries.Count == 0)
            return null;
        var shown = string.Join("; ", summaries.Take(5));
        return Clip(summaries.Count > 5 ? $"{shown}; and {summaries.Count - 5} more" : shown, 500);
    }

    // Labels in the order the first alert gives them; where the alerts differ (one per instance) the values are listed.
    private static string? Description(AlertGroupSignal signal)
    {
        var labels = new List<string>();
        foreach (var name in signal.Alerts.SelectMany(a => a.Labels).Select(l => l.Key).Distinct(StringComparer.Ordinal).Take(MaxLabels))
        {
            var values = signal.Alerts.SelectMany(a => a.Labels).Where(l => l.Key == name).Select(l => l.Value).Distinct(StringComparer.Ordinal).ToList();
            var shown = string.Join(" | ", values.Take(3));
            labels.Add(values.Count > 3 ? $"{name}={shown} (+{values.Count - 3})" : $"{name}={shown}");
        }

        var parts = new List<string>();
        if (labels.Count > 0)
            parts.Add("Labels: " + string.Join(", ", labels));
        if (signal.Link is { Length: > 0 } link)
            parts.Add("Source: " + link);
        return parts.Count == 0 ? null : Clip(string.Join("\n", parts), Incident.MaxTextLength);
    }

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
