using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Alerts;

/// <summary>One group of a round: its source, what it said, its stored row (if any), and what the round decided for it.</summary>
internal sealed class AlertItemRef(AlertSourcePlan source, AlertGroupSignal signal, string digest)
{
    public AlertSourcePlan Source => source;
    public AlertGroupSignal Signal { get; private set; } = signal;

    /// <summary>A digest of the signal as delivered, so a sender's retry of it is known.</summary>
    public string Digest => digest;

    /// <summary>
    /// News that is not a firing (a resolve, an acknowledge) names the group as it fired: an events sender's resolve
    /// carries only the dedup_key, and "Alerts resolved: Event k-1." tells nobody what resolved.
    /// </summary>
    public void NameAsStored(AlertGroup row)
    {
        if (Signal.Status != AlertStatus.Firing)
            Signal = Signal with { Title = row.Title };
    }

    /// <summary>The group's stored row, read without tracking; null for a group never seen.</summary>
    public AlertGroup? Existing { get; set; }

    public AlertEffect Effect { get; set; }

    /// <summary>The incident the group is on after the round.</summary>
    public AlertTarget? Target { get; set; }

    /// <summary>Set when a stored group leaves its old incident for <see cref="Target"/>.</summary>
    public AlertTarget? MovedTo { get; set; }
}

/// <summary>An incident a group lands on; <see cref="Number"/> is known once it is filed.</summary>
internal class AlertTarget
{
    public int? Number { get; set; }
    public bool IsStorm { get; init; }
}

/// <summary>An incident the round files: a group's own, or a storm's with every group that joins it this round.</summary>
internal sealed class NewAlertIncident : AlertTarget
{
    public NewAlertIncident(AlertSourcePlan source, bool isStorm)
    {
        Source = source;
        IsStorm = isStorm;
    }

    public AlertSourcePlan Source { get; }
    public List<AlertItemRef> Groups { get; } = [];
    public IncidentReport Report { get; set; } = new("");
}

/// <summary>What a round brings to one incident that exists: its groups' news, applied in one change.</summary>
internal sealed class AlertChange(int incidentNumber, AlertSourcePlan source, bool isStorm)
{
    public int IncidentNumber => incidentNumber;
    public AlertSourcePlan Source => source;
    public bool IsStorm => isStorm;
    public List<AlertItemRef> Items { get; } = [];

    /// <summary>True when a group resolves: whether a person acted on the incident then matters.</summary>
    public bool MayResolve => Items.Any(i => i.Effect == AlertEffect.Resolved);

    /// <summary>
    /// Applies the news in order. <paramref name="autoResolve"/>: the source resolves incidents and no person acted.
    /// <paramref name="stormFiring"/>: the storm's groups still firing that this round brings no news of.
    /// </summary>
    public Outcome Apply(Incident incident, Actor actor, bool autoResolve, int stormFiring, ResponsePlan plan)
    {
        var lines = new List<string>();
        var last = Outcome.Unchanged($"Nothing new from the alerts of {incident.Id}.");
        void Flush(string note)
        {
            if (lines.Count > 0)
                Keep(incident.AlertsFiring(actor, lines.ToList(), note));
            lines.Clear();
        }

        void Keep(Outcome outcome)
        {
            if (outcome.Changed)
                last = outcome;
        }

        var firingNow = stormFiring + Items.Count(i => i.Effect is AlertEffect.StillFiring or AlertEffect.JoinedStorm or AlertEffect.Reopened);
        var note = IsStorm ? AlertText.StormNote(firingNow) : AlertText.Firing(Math.Max(1, Items.LastOrDefault()?.Signal.FiringCount ?? 1));
        foreach (var item in Items)
        {
            switch (item.Effect)
            {
                case AlertEffect.StillFiring:
                    lines.Add(IsStorm ? $"Alert group still firing: {item.Signal.Title}." : AlertText.StillFiring(item.Signal));
                    break;
                case AlertEffect.JoinedStorm:
                    lines.Add(AlertText.JoinedStorm(item.Signal));
                    break;
                case AlertEffect.Reopened:
                    Flush(note);
                    Keep(incident.AlertsFiredAgain(actor, AlertText.FiringAgain(item.Signal), note));
                    break;
                case AlertEffect.Resolved when IsStorm:
                    lines.Add(AlertText.GroupResolved(item.Signal));
                    break;
                case AlertEffect.Resolved:
                    Flush(note);
                    Keep(incident.AlertsResolved(actor, AlertText.GroupResolved(item.Signal), autoResolve));
                    break;
                case AlertEffect.Acknowledged:
                    Flush(note);
                    Keep(incident.AlertsAcknowledged(actor));
                    break;
            }
        }

        if (IsStorm && firingNow == 0 && MayResolve)
        {
            Flush(note);
            Keep(incident.AlertsResolved(actor, "Every alert group of the storm has resolved.", autoResolve));
        }
        else
            Flush(note);

        // A group more urgent than the storm so far raises it: a critical alert inside a storm must not wait on a
        // warning's clocks.
        if (IsStorm && incident.IsOpen && MostUrgentJoining(plan) is { } raised
            && plan.Severities.ToList().FindIndex(s => s.Id == raised) < plan.Severities.ToList().FindIndex(s => s.Id == incident.SeverityId))
            Keep(incident.ChangeSeverity(actor, raised));
        return last;
    }

    private string? MostUrgentJoining(ResponsePlan plan)
    {
        var mapped = Items.Where(i => i.Effect == AlertEffect.JoinedStorm).Select(i => Source.SeverityFor(i.Signal.SeverityValue)).OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return plan.Severities.FirstOrDefault(s => mapped.Contains(s.Id))?.Id;
    }
}
