using System.Globalization;
using System.Text;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;

namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>
/// The summary as one plain-text post for managers: the same words in Slack, Teams, the local page and
/// the reply to <c>/incident summary</c>. Times are shown in the plan's time zone.
/// </summary>
public static class SummaryText
{
    private const int TitleLength = 60;
    private const int ReasonLength = 120;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        var name = summary.Period == ReportPeriod.Week ? "Weekly" : "Daily";
        text.Append(Invariant, $"{name} incident summary · {Local(summary, summary.Start)} to {Local(summary, summary.End)} ({summary.TimeZone.Id})");

        var total = summary.Total;
        if (total.IsEmpty)
        {
            text.Append("\nNo incidents opened, resolved or open in this window.");
        }
        else
        {
            text.Append('\n').Append(Counts("All", total));
            foreach (var severity in summary.Severities.Where(s => !s.IsEmpty))
                text.Append("\n  ").Append(Counts(severity.SeverityId.Length == 0 ? severity.Name : $"{severity.SeverityId} {severity.Name}", severity));
        }

        text.Append("\nMTTA ").Append(Stats(summary.Mtta, "acknowledged"));
        text.Append("\nMTTR ").Append(Stats(summary.Mttr, "resolved"));
        // Only a window with incidents from monitoring says so: without alert sources the post stays as it was.
        if (!summary.Monitoring.IsEmpty)
            text.Append('\n').Append(Monitoring(summary.Monitoring));
        text.Append("\nSLA acknowledge ").Append(Percent(summary.Acknowledge)).Append(" · resolve ").Append(Percent(summary.Resolve));
        text.Append("\nBreaches").Append(List(summary.Breaches.Select(Name).ToList()));
        text.Append("\nReached management").Append(List(summary.ReachedManagement.Select(Name).ToList()));
        text.Append("\nRCAs pending").Append(List(summary.PendingRcas
            .Select(p => $"{Name(p.Incident)} waiting {DurationText.Elapsed(p.Age)}{(p.Overdue ? ", overdue" : "")}").ToList()));
        // A waiver is an exception for managers to notice; a window without one adds no line.
        if (summary.WaivedRcas.Count > 0)
            text.Append(Invariant, $"\nRCAs waived ({summary.WaivedRcas.Count}): ").AppendJoin("; ", summary.WaivedRcas.Select(Waived));
        text.Append("\nSlowest").Append(List(summary.Slowest
            .Select(s => $"{s.Incident.Id} ({s.Incident.SeverityId}) {(s.StillOpen ? "open" : "resolved in")} {DurationText.Elapsed(s.Duration)}").ToList()));
        text.Append("\nTickets breached").Append(TicketBreaches(summary.TicketBreaches));
        text.Append(summary.Actions.Render());
        // Like a waiver, a window without a drill adds no line.
        if (summary.Drills.Run.Count > 0)
            text.Append('\n').Append(DrillText.Render(summary.Drills, Name));
        return text.ToString();
    }

    private static string TicketBreaches(IReadOnlyList<TicketBreachCounts> rows)
    {
        if (rows.Count == 0)
            return ": none";
        static string By(IEnumerable<(string Priority, int Count)> counts) =>
            string.Join(", ", counts.Where(c => c.Count > 0).Select(c => string.Create(Invariant, $"{c.Priority} {c.Count}")));
        var respond = rows.Sum(r => r.FirstResponse);
        var resolve = rows.Sum(r => r.Resolution);
        return string.Create(Invariant,
            $": first response {respond}{(respond > 0 ? $" ({By(rows.Select(r => (r.Priority, r.FirstResponse)))})" : "")} · resolution {resolve}{(resolve > 0 ? $" ({By(rows.Select(r => (r.Priority, r.Resolution)))})" : "")}");
    }

    private static string Waived(WaivedRca waived)
    {
        var reason = waived.Reason.Length <= ReasonLength ? waived.Reason : waived.Reason[..(ReasonLength - 1)] + "…";
        return $"{Name(waived.Incident)} by {waived.WaivedBy}: {UserLine(reason)}";
    }

    private static string UserLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string Counts(string label, SeverityCounts c) =>
        string.Create(Invariant, $"{label}: opened {c.Opened} · resolved {c.Resolved} · still open {c.StillOpen} · cancelled {c.Cancelled}");

    private static string Stats(DurationStats stats, string what, bool withP90 = true) =>
        stats.Count == 0
            ? $"n/a (none {what})"
            : string.Create(Invariant,
                $"median {DurationText.Elapsed(stats.Median!.Value)}{(withP90 ? $" · p90 {DurationText.Elapsed(stats.P90!.Value)}" : "")} ({stats.Count} {what})");

    private static string Monitoring(MonitoringFigures figures) =>
        string.Create(Invariant,
            $"From monitoring: opened {figures.Opened} · MTTA {Stats(figures.Mtta, "acknowledged", withP90: false)} · MTTR {Stats(figures.Mttr, "resolved", withP90: false)}");

    private static string Percent(Compliance compliance) =>
        compliance.Percent is { } percent
            ? string.Create(Invariant, $"{compliance.Met} of {compliance.Total} met ({Math.Round(percent, MidpointRounding.AwayFromZero)}%)")
            : "n/a (nothing due)";

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 0 ? ": none" : string.Create(Invariant, $" ({items.Count}): {string.Join(", ", items)}");

    private static string Name(IncidentRef incident)
    {
        var title = incident.Title.Length <= TitleLength ? incident.Title : incident.Title[..(TitleLength - 1)] + "…";
        return $"{incident.Id} {title} ({incident.SeverityId})";
    }

    private static string Local(Summary summary, DateTimeOffset instant) =>
        WallClock.ToLocal(instant, summary.TimeZone).ToString("ddd d MMM HH:mm", Invariant);
}
