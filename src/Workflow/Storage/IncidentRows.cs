using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// The rows one change of an incident adds: the timeline entries and outbox notices it produced, and the incident's
/// next timer stamped with its new version (none once nothing is due). The timer replaces every timer row the
/// incident had, so an incident keeps one row, its next deadline.
/// </summary>
public sealed record IncidentRows(IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<OutboxMessage> Outbox, IReadOnlyList<IncidentTimer> Timers)
{
    /// <summary>
    /// The rows of the change <paramref name="incident"/> has just made (its version already moved on); <paramref name="suffix"/> is added to every
    /// post but the card update (a late timer says how late it is).
    /// </summary>
    internal static IncidentRows Of(Incident incident, TimerPlanner planner, DateTimeOffset now, string? suffix = null)
    {
        return new IncidentRows(
            incident.NewTimelineEntries.ToList(),
            incident.Notices.Select(n => new OutboxMessage(
                now, incident.Number, suffix is null || n.Kind == NoticeKind.CardUpdate ? n : n with { Text = n.Text + suffix })).ToList(),
            NextTimer(incident, planner));
    }

    /// <summary>The incident's one timer row: its next deadline other than <paramref name="except"/>, stamped with its version.</summary>
    internal static IReadOnlyList<IncidentTimer> NextTimer(Incident incident, TimerPlanner planner, TimerKind? except = null) =>
        planner.Next(incident, except) is { } next ? [new IncidentTimer(incident.Number, next.Kind, next.DueAt, incident.Version)] : [];
}
