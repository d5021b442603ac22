using System.Globalization;
using System.Text;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Tickets;
using static Jivrus.IncidentBot.Workflow.FollowUp.MarkdownText;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>
/// The post-mortem of one incident as a Markdown document: summary, times against the SLA targets of its severity,
/// the timeline in order, the RCA, the corrective actions and the linked tickets. A pure function of the incident,
/// its timeline, its links and the plan: the same incident always gives the same text, in the plan's time zone.
/// </summary>
public static class PostmortemDocument
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The document; <paramref name="timeline"/> oldest first, as it was written.</summary>
    public static string Write(
        Incident incident,
        IReadOnlyList<TimelineEntry> timeline,
        IReadOnlyList<PostmortemAction> actions,
        IReadOnlyList<IncidentTicketLink> tickets,
        ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(plan);
        var severity = plan.FindSeverity(incident.SeverityId) ?? plan.DefaultSeverityPlan;
        var text = new StringBuilder();
        text.Append(Invariant, $"# Post-mortem of {incident.Id}: {Inline(incident.Title)}\n");
        Summary(text, incident, severity);
        PostmortemTimes.Append(text, incident, timeline, severity, plan);
        Timeline(text, timeline, plan.TimeZone);
        RootCause(text, incident, plan);
        Actions(text, actions, plan.TimeZone);
        Tickets(text, tickets, plan);
        return text.ToString();
    }

    private static void Summary(StringBuilder text, Incident incident, SeverityPlan severity)
    {
        text.Append("\n## Summary\n\n");
        var label = incident.NeedsTriage
            ? $"{Incident.TriageLabel} (on the clocks of {severity.Id} · {Inline(severity.Name)})"
            : $"{severity.Id} · {Inline(severity.Name)}";
        text.Append(Invariant, $"- Severity: {label}\n");
        text.Append(Invariant, $"- State: {StateWords(incident.State)}\n");
        text.Append(Invariant, $"- Impact: {(string.IsNullOrWhiteSpace(incident.Impact) ? "not recorded" : Inline(incident.Impact))}\n");
        text.Append(Invariant, $"- Reported by: {Inline(incident.ReporterName)}\n");
        text.Append(Invariant, $"- Commander: {(incident.CommanderName is { } commander ? Inline(commander) : "none assigned")}\n");
        if (!string.IsNullOrWhiteSpace(incident.Description))
            text.Append(Invariant, $"\n{Block(incident.Description)}\n");
    }

    private static void Timeline(StringBuilder text, IReadOnlyList<TimelineEntry> timeline, TimeZoneInfo zone)
    {
        text.Append("\n## Timeline\n\n");
        foreach (var entry in timeline)
            text.Append(Invariant, $"- {Local(entry.At, zone)} · {Inline(entry.ActorName)} · {Inline(entry.Text)}\n");
    }

    private static void RootCause(StringBuilder text, Incident incident, ResponsePlan plan)
    {
        text.Append("\n## Root cause\n\n");
        if (incident.RcaRootCause is { } cause)
        {
            text.Append(Invariant, $"{Block(cause)}\n");
            if (incident.RcaSubmittedAt is { } at)
                text.Append(Invariant, $"\nRecorded {Local(at, plan.TimeZone)}.\n");
        }
        else if (incident.RcaWaivedBy is { } waivedBy)
        {
            var who = plan.FindPerson(waivedBy)?.Name ?? waivedBy;
            text.Append(Invariant, $"The RCA was waived by {Inline(who)}: {Inline(incident.RcaWaiveReason)}\n");
        }
        else
        {
            text.Append("No RCA has been recorded.\n");
        }
    }

    /// <summary>
    /// The corrective actions. Kept apart and fed a plain list so the section reads the same whether the actions come
    /// from the RCA's text or from the numbered actions with owner, due date and state.
    /// </summary>
    internal static void Actions(StringBuilder text, IReadOnlyList<PostmortemAction> actions, TimeZoneInfo zone)
    {
        text.Append("\n## Actions\n\n");
        if (actions.Count == 0)
        {
            text.Append("No corrective actions were recorded.\n");
            return;
        }

        foreach (var action in actions)
        {
            text.Append("- ");
            if (action.Number is { } number)
                text.Append(Invariant, $"#{number} ");
            text.Append(Inline(action.Text));
            var details = new List<string>(3);
            if (action.Owner is { } owner)
                details.Add("owner " + Inline(owner));
            if (action.Due is { } due)
                details.Add("due " + Local(due, zone)[..10]);
            if (action.State is { } state)
                details.Add(Inline(state));
            if (details.Count > 0)
                text.Append(Invariant, $" ({string.Join(", ", details)})");
            text.Append('\n');
        }
    }

    private static void Tickets(StringBuilder text, IReadOnlyList<IncidentTicketLink> tickets, ResponsePlan plan)
    {
        text.Append("\n## Linked tickets\n\n");
        if (tickets.Count == 0)
        {
            text.Append("No tickets are linked.\n");
            return;
        }

        foreach (var link in tickets.OrderBy(t => t.LinkedAt).ThenBy(t => t.TicketId))
        {
            // Linked by a plan person reads as their name; an employee's channel id means nothing in a document.
            var by = plan.FindPerson(link.LinkedBy) is { } person ? $" by {Inline(person.Name)}" : "";
            text.Append(Invariant, $"- Freshdesk ticket {link.TicketId}, linked {Local(link.LinkedAt, plan.TimeZone)}{by}\n");
        }
    }

    internal static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", Invariant);

    private static string StateWords(IncidentState state) => state switch
    {
        IncidentState.RcaPending => "resolved, waiting for its RCA",
        _ => state.ToString().ToLowerInvariant(),
    };
}
