using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>
/// An incident as its timeline tells it up to a moment: its state then and when things happened. The
/// entity holds only the latest values (a reopen clears the resolution), so a window that ended in the past,
/// or an incident reopened since, is read from the timeline instead.
/// </summary>
internal sealed class IncidentHistory
{
    private readonly List<DateTimeOffset> _resolutions = [];
    private readonly List<DateTimeOffset> _reachedTop = [];
    private readonly List<DateTimeOffset> _breaches = [];

    private IncidentHistory()
    {
    }

    /// <summary>The state after the last entry replayed.</summary>
    public IncidentState State { get; private set; } = IncidentState.Reported;

    public IReadOnlyList<DateTimeOffset> Resolutions => _resolutions;

    /// <summary>Escalations that landed on the top level of the ladder, repeats at the top included.</summary>
    public IReadOnlyList<DateTimeOffset> ReachedTop => _reachedTop;

    public IReadOnlyList<DateTimeOffset> Breaches => _breaches;

    public DateTimeOffset? RcaPendingSince { get; private set; }

    public bool IsOpen => State is IncidentState.Reported or IncidentState.Acknowledged or IncidentState.Mitigated;

    /// <summary>The resolution in force: the last one, unless the incident was reopened or cancelled since.</summary>
    public DateTimeOffset? ResolvedAt =>
        (State is IncidentState.Resolved or IncidentState.RcaPending or IncidentState.Closed) && _resolutions.Count > 0
            ? _resolutions[^1]
            : null;

    /// <summary>Replays <paramref name="entries"/> (one incident's, in the order written) on a ladder of <paramref name="topLevel"/> levels.</summary>
    public static IncidentHistory Replay(IEnumerable<TimelineEntry> entries, int topLevel)
    {
        var history = new IncidentHistory();
        var level = 1;
        foreach (var entry in entries)
        {
            switch (entry.Action)
            {
                case "reported" or "reopened":
                    level = 1;
                    break;
                case "escalated":
                    // Entries do not carry the level; every escalation climbs one rung or repeats the top.
                    level = Math.Min(level + 1, topLevel);
                    if (level == topLevel && topLevel > 1)
                        history._reachedTop.Add(entry.At);
                    break;
                case "resolved":
                    history._resolutions.Add(entry.At);
                    break;
                case "resolve-breach":
                    history._breaches.Add(entry.At);
                    break;
                case "rca-pending":
                    history.RcaPendingSince = entry.At;
                    break;
            }

            history.State = entry.ToState;
        }

        return history;
    }
}
