using System.Globalization;
using System.Text;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>
/// The "Times" section of a post-mortem: when it was reported, acknowledged, resolved and closed, and how the
/// acknowledgement and the resolution compare with the targets of its severity. Judged as the summaries judge them:
/// the first acknowledgement against level 1's window from the report, the resolution against the resolve target.
/// </summary>
internal static class PostmortemTimes
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Append(StringBuilder text, Incident incident, IReadOnlyList<TimelineEntry> timeline, SeverityPlan severity, ResponsePlan plan)
    {
        var zone = plan.TimeZone;
        var sla = new SlaCalculator(plan);
        var level1 = plan.Escalation.Level(1);
        var ackDue = sla.AcknowledgeBy(severity, level1, incident.ReportedAt);
        var resolveDue = sla.ResolveBy(severity, incident.ReportedAt);
        var clock = severity.Clock == ClockKind.BusinessHours ? " in business hours" : "";

        text.Append(Invariant, $"\n## Times\n\nTimes are in {zone.Id}.\n\n");
        text.Append(Invariant, $"- Reported: {At(incident.ReportedAt, zone)}\n");
        var acknowledgedBy = incident.AcknowledgedByName is { } name ? " by " + MarkdownText.Inline(name) : "";
        text.Append(Invariant, $"- Acknowledged: {At(incident.FirstAcknowledgedAt, zone)}{acknowledgedBy}\n");
        text.Append(Invariant, $"- Resolved: {At(incident.ResolvedAt, zone)}\n");
        text.Append(Invariant, $"- Closed: {At(incident.ClosedAt, zone)}\n");
        if (incident.CancelledAt is { } cancelled)
            text.Append(Invariant, $"- Cancelled: {At(cancelled, zone)}: {MarkdownText.Inline(incident.CancelReason)}\n");

        var ackTarget = DurationText.Format(level1.AcknowledgeWithin ?? severity.AcknowledgeWithin) + clock;
        var resolveTarget = DurationText.Format(severity.ResolveWithin) + clock;
        text.Append(Invariant, $"- Time to acknowledge: {Took(incident.ReportedAt, incident.FirstAcknowledgedAt, "not acknowledged")} (target {ackTarget}){Verdict(incident.FirstAcknowledgedAt, ackDue)}\n");
        text.Append(Invariant, $"- Time to resolve: {Took(incident.ReportedAt, incident.ResolvedAt, "not resolved")} (target {resolveTarget}){Verdict(incident.ResolvedAt, resolveDue)}\n");

        var breaches = Breaches(incident, timeline, ackDue, resolveDue, zone);
        if (breaches.Count == 0)
        {
            text.Append("- SLA breaches: none\n");
            return;
        }

        text.Append("- SLA breaches:\n");
        foreach (var breach in breaches)
            text.Append(Invariant, $"  - {breach}\n");
    }

    private static List<string> Breaches(Incident incident, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset ackDue, DateTimeOffset resolveDue, TimeZoneInfo zone)
    {
        var breaches = new List<string>(2);
        if (incident.FirstAcknowledgedAt is { } acknowledged && acknowledged > ackDue)
            breaches.Add($"acknowledged {DurationText.Elapsed(acknowledged - ackDue)} late (due {At(ackDue, zone)})");
        else if (incident.FirstAcknowledgedAt is null && timeline.Any(e => e.ActorId == Actor.Timer.Id && e.Action == "escalated"))
            breaches.Add($"not acknowledged by {At(ackDue, zone)}; the ladder escalated");

        if (incident.ResolvedAt is { } resolved && resolved > resolveDue)
            breaches.Add($"resolved {DurationText.Elapsed(resolved - resolveDue)} late (due {At(resolveDue, zone)})");
        else if (incident.ResolvedAt is null && incident.ResolveBreached)
            breaches.Add($"not resolved by {At(resolveDue, zone)}");
        return breaches;
    }

    private static string Took(DateTimeOffset from, DateTimeOffset? to, string never) =>
        to is { } at ? DurationText.Elapsed(at - from) : never;

    private static string Verdict(DateTimeOffset? at, DateTimeOffset due) => at switch
    {
        null => "",
        { } done when done <= due => ", met",
        _ => ", missed",
    };

    private static string At(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at ? PostmortemDocument.Local(at, zone) : "not yet";
}
