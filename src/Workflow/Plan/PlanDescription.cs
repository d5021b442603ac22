using System.Text;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>
/// A readable summary of a loaded plan: time zone, business hours, the severity table and the
/// escalation ladder. Used by <c>plan check</c> and at start-up, so what people read is what the bot
/// actually understood from the file, not what the file seemed to say.
/// </summary>
public static class PlanDescription
{
    /// <summary>Multi-line text with aligned columns, ending in a newline.</summary>
    public static string Describe(ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.AppendLine($"Time zone:        {plan.TimeZone.Id}");
        var hours = plan.BusinessHours;
        text.AppendLine($"Business hours:   {Days(hours.Days)} {PlanText.Time(hours.Start)}-{PlanText.Time(hours.End)}");
        text.AppendLine(plan.DefaultSeverityOrTriage is { } fallback
            ? $"Default severity: {fallback.Id}"
            : $"Default severity: none (a report naming no severity needs triage, on {plan.TriageSeverity.Id} clocks)");
        text.AppendLine($"Reopen within:    {DurationText.Format(plan.ReopenWithin)}");
        text.AppendLine();

        text.AppendLine("Severities:");
        var severities = new TextTable("id", "name", "acknowledge", "update", "resolve", "clock", "RCA", "aliases");
        foreach (var s in plan.Severities)
        {
            severities.Add(
                s.Id,
                s.Name,
                DurationText.Format(s.AcknowledgeWithin),
                DurationText.Format(s.UpdateEvery),
                DurationText.Format(s.ResolveWithin),
                s.Clock == ClockKind.Calendar ? "calendar" : "businessHours",
                s.Rca.Required ? $"required, due {DurationText.Format(s.Rca.DueWithin)}" : "-",
                s.Aliases.Count == 0 ? "-" : string.Join(", ", s.Aliases.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)));
        }

        severities.WriteTo(text, "  ");
        text.AppendLine();

        text.AppendLine("Escalation ladder:");
        var ladder = new TextTable("#", "id", "name", "responders", "acknowledge");
        var number = 0;
        foreach (var level in plan.Escalation.Levels)
        {
            number++;
            var names = level.Responders.Select(id => OnCall.Rotation.IdOf(id) is { } rotation ? $"rotation {rotation}" : plan.FindPerson(id)?.Name ?? id);
            var window = level.AcknowledgeWithin is { } within ? DurationText.Format(within) : "per severity";
            ladder.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture), level.Id, level.Name, string.Join(", ", names), window);
        }

        ladder.WriteTo(text, "  ");
        text.AppendLine($"  repeatAtTop: {plan.Escalation.RepeatAtTop}");
        DescribeAlerts(plan, text);
        return text.ToString();
    }

    /// <summary>The alert sources, only when the plan has some, so a plan without alerts reads as it always did.</summary>
    private static void DescribeAlerts(ResponsePlan plan, StringBuilder text)
    {
        if (plan.Alerts.Count == 0)
            return;
        text.AppendLine();
        text.AppendLine("Alert sources (POST /alerts/<source>):");
        var table = new TextTable("source", "kind", "severity label", "map", "default", "autoResolve", "storm");
        foreach (var source in plan.Alerts)
        {
            table.Add(
                source.Id,
                source.Kind.ToString().ToLowerInvariant(),
                source.SeverityLabel,
                source.SeverityMap.Count == 0 ? "-" : string.Join(", ", source.SeverityMap.Select(m => $"{m.Key}={m.Value}")),
                source.DefaultSeverity ?? "none (the alert's words, else triage)",
                source.AutoResolve ? "yes" : "no",
                $"more than {source.StormGroups} new groups within {DurationText.Format(source.StormWithin)}");
        }

        table.WriteTo(text, "  ");
    }

    /// <summary>"Mon-Fri" for a run of consecutive days, otherwise the days listed Monday first.</summary>
    private static string Days(IReadOnlySet<DayOfWeek> days)
    {
        // Weeks are read Monday first here, as the plan's users write them.
        var ordered = Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7)).Where(days.Contains).ToList();
        if (ordered.Count == 0)
            return "no days";
        var first = (int)ordered[0] == 0 ? 7 : (int)ordered[0];
        var consecutive = ordered.Select((d, i) => ((int)d == 0 ? 7 : (int)d) == first + i).All(x => x);
        return consecutive && ordered.Count > 2
            ? $"{PlanText.ShortDay(ordered[0])}-{PlanText.ShortDay(ordered[^1])}"
            : string.Join(", ", ordered.Select(PlanText.ShortDay));
    }
}
