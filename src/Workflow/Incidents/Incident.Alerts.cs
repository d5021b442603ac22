namespace Jivrus.IncidentBot.Workflow.Incidents;

// An incident opened by monitoring hears from its alerts after it is filed: repeats, resolution, firing again. Each
// intent takes every group the delivery brought for this incident at once, so a storm of groups is one change (one
// card update) with a timeline line per group.
public sealed partial class Incident
{
    /// <summary>The resolution text when the alerts resolve the incident themselves.</summary>
    public const string ResolvedByAlerts = "resolved by its alerts";

    /// <summary>What the incident's alerts say now, for its card ("3 alerts firing"); null for an incident no alert opened.</summary>
    public string? AlertNote { get; private set; }

    /// <summary>
    /// Alert groups of this incident still (or newly, in a storm) firing: one timeline line per group, the card's alert
    /// note updated, no page. <paramref name="lines"/> are the timeline sentences, <paramref name="note"/> the card's line.
    /// </summary>
    public Outcome AlertsFiring(Actor source, IReadOnlyList<string> lines, string note)
    {
        if (lines.Count == 0)
            return Outcome.Unchanged($"Nothing new from the alerts of {Id}.");
        foreach (var line in lines)
            Record(source, "alerts", line, State);
        if (note != AlertNote)
        {
            AlertNote = note;
            Notify(NoticeKind.CardUpdate, Audience.Incident, lines[^1]);
        }

        return Outcome.Accepted(lines[^1]);
    }

    /// <summary>
    /// The incident's alerts resolved. With <paramref name="resolveIncident"/> (the source resolves automatically and no
    /// person acted on it) an open incident resolves itself; otherwise its owner (or its conversation) is told, with a
    /// Resolve button, and the card says so.
    /// </summary>
    public Outcome AlertsResolved(Actor source, string line, bool resolveIncident)
    {
        Record(source, "alerts", line, State);
        AlertNote = "all alerts resolved";
        if (!IsOpen)
        {
            Notify(NoticeKind.CardUpdate, Audience.Incident, line);
            return Outcome.Accepted(line);
        }

        if (resolveIncident)
            return Resolve(source, ResolvedByAlerts);

        Notify(NoticeKind.CardUpdate, Audience.Incident, line);
        var ask = $"The alerts of {Id} ({Title}) have resolved. If the incident is over, resolve it: the button or /incident resolve {Id} <resolution>.";
        if (OwnerId is { } owner)
            Notify(NoticeKind.AlertsResolved, Audience.Person, ask, owner);
        else
            Notify(NoticeKind.AlertsResolved, Audience.Incident, ask);
        return Outcome.Accepted(line);
    }

    /// <summary>
    /// A resolved group fires again: within the plan's reopen window the incident reopens and pages level 1 again.
    /// Refused once the window has passed or the incident is closed: the caller then files a new incident.
    /// </summary>
    public Outcome AlertsFiredAgain(Actor source, string line, string note)
    {
        if (State != IncidentState.Resolved || !WithinReopenWindow())
            return Outcome.Refused($"{Id} can no longer be reopened by its alerts.");
        Record(source, "alerts", line, State);
        AlertNote = note;
        return Reopen(source);
    }

    /// <summary>An acknowledge event from the monitoring system acknowledges the incident on the source's behalf.</summary>
    public Outcome AlertsAcknowledged(Actor source) => IsOpen ? Acknowledge(source) : Outcome.Unchanged($"{Id} is not open.");

    // A storm's incident is filed with its groups: one line each, after the report.
    private void RecordAlertLines(Actor reporter, IncidentReport report)
    {
        foreach (var line in report.AlertLines ?? [])
            Record(reporter, "alerts", line, IncidentState.Reported);
    }
}
