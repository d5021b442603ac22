using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Alerts;

/// <summary>
/// One round of alert intake, decided in memory from one read: for each group of the round, whether it opens an
/// incident, joins its source's storm, or changes the incident it already has (still firing, resolved, firing again,
/// acknowledged), or is a retry that changes nothing. A round never holds the same group twice (the queue sees to it).
/// </summary>
internal sealed class AlertRound
{
    /// <summary>A delivery with the same digest within this long is a sender's retry, not news.</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(5);

    private readonly ResponsePlan _plan;
    private readonly List<AlertItemRef> _items;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<int, (IncidentState State, DateTimeOffset? ResolvedAt)> _incidents;
    private readonly Dictionary<string, SourceState> _sources;
    private readonly Dictionary<int, AlertChange> _changes = [];

    private AlertRound(
        ResponsePlan plan, List<AlertItemRef> items, DateTimeOffset now,
        Dictionary<int, (IncidentState, DateTimeOffset?)> incidents, Dictionary<string, SourceState> sources)
    {
        _plan = plan;
        _items = items;
        _now = now;
        _incidents = incidents;
        _sources = sources;
    }

    /// <summary>Incidents to file, in order: a group's own, or a storm's with its groups.</summary>
    public List<NewAlertIncident> NewIncidents { get; } = [];

    /// <summary>Changes to incidents that already exist, one per incident.</summary>
    public IReadOnlyList<AlertChange> Changes => _changes.Values.ToList();

    /// <summary>Stored groups whose row moves on without changing an incident (a repeated resolve, a group moved to a new incident).</summary>
    public List<AlertItemRef> Touched { get; } = [];

    public static async Task<AlertRound> ReadAsync(IncidentDbContext db, ResponsePlan plan, List<AlertItemRef> items, DateTimeOffset now, CancellationToken ct)
    {
        var sources = new Dictionary<string, SourceState>(StringComparer.Ordinal);
        var numbers = new HashSet<int>();
        foreach (var bySource in items.GroupBy(i => i.Source.Id, StringComparer.Ordinal))
        {
            var source = bySource.First().Source;
            var keys = bySource.Select(i => i.Signal.Key).Distinct(StringComparer.Ordinal).ToList();
            var rows = await db.AlertGroups.AsNoTracking().Where(g => g.Source == source.Id && keys.Contains(g.Key)).ToDictionaryAsync(g => g.Key, StringComparer.Ordinal, ct);
            foreach (var item in bySource)
                item.Existing = rows.GetValueOrDefault(item.Signal.Key);
            numbers.UnionWith(rows.Values.Select(r => r.IncidentNumber));

            var since = now - source.StormWithin;
            var recent = await db.AlertGroups.CountAsync(g => g.Source == source.Id && g.FirstFiredAt >= since, ct);
            var storm = await db.AlertGroups.AsNoTracking().Where(g => g.Source == source.Id && g.InStorm)
                .OrderByDescending(g => g.FirstFiredAt).Select(g => new { g.IncidentNumber, g.FirstFiredAt }).FirstOrDefaultAsync(ct);
            if (storm is not null)
                numbers.Add(storm.IncidentNumber);
            sources[source.Id] = new SourceState(source, recent, storm?.IncidentNumber, storm is not null && storm.FirstFiredAt >= since);
        }

        var incidents = await db.Incidents.AsNoTracking().Where(i => numbers.Contains(i.Number))
            .Select(i => new { i.Number, i.State, i.ResolvedAt }).ToDictionaryAsync(i => i.Number, i => (i.State, i.ResolvedAt), ct);
        foreach (var state in sources.Values)
        {
            // A storm incident someone already resolved or closed takes no more groups: a new burst starts a new one.
            if (state.OpenStorm is { } storm && !(incidents.TryGetValue(storm, out var s) && IsOpen(s.State)))
                state.OpenStorm = null;
        }

        return new AlertRound(plan, items, now, incidents, sources);
    }

    public void Decide()
    {
        foreach (var item in _items)
        {
            if (item.Existing is not { } row)
                DecideNew(item);
            else
                DecideKnown(item, row);
        }

        foreach (var filing in NewIncidents)
        {
            filing.Report = filing.IsStorm
                ? AlertText.StormReport(filing.Source, filing.Groups.Select(g => g.Signal).ToList(), _plan)
                : AlertText.Report(filing.Source, filing.Groups[0].Signal, _plan);
        }
    }

    private void DecideNew(AlertItemRef item)
    {
        if (item.Signal.Status != AlertStatus.Firing)
        {
            // Nothing is open for a group never seen firing: there is nothing to resolve or acknowledge.
            item.Effect = AlertEffect.Unchanged;
            return;
        }

        Place(item);
    }

    // A firing group without an open incident: its own incident, or its source's storm once the storm threshold is passed.
    private void Place(AlertItemRef item)
    {
        var state = _sources[item.Source.Id];
        var stormy = state.Recent >= item.Source.StormGroups;
        state.Recent++;
        if (state.StormFiling is { } filing)
        {
            filing.Groups.Add(item);
            item.Target = filing;
            item.Effect = AlertEffect.JoinedStorm;
        }
        else if (state.OpenStorm is { } storm && (state.StormActive || stormy))
        {
            state.StormActive = true;
            item.Target = new AlertTarget { Number = storm, IsStorm = true };
            item.Effect = AlertEffect.JoinedStorm;
            ChangeOf(storm, item.Source, isStorm: true).Items.Add(item);
        }
        else if (stormy)
        {
            var storming = new NewAlertIncident(item.Source, isStorm: true);
            storming.Groups.Add(item);
            state.StormFiling = storming;
            NewIncidents.Add(storming);
            item.Target = storming;
            item.Effect = AlertEffect.JoinedStorm;
        }
        else
        {
            var own = new NewAlertIncident(item.Source, isStorm: false);
            own.Groups.Add(item);
            NewIncidents.Add(own);
            item.Target = own;
            item.Effect = AlertEffect.Opened;
        }

        // A stored group moves to its new incident: a storm that exists already takes it in its change, a new incident
        // once it is filed.
        if (item.Existing is not null)
        {
            item.MovedTo = item.Target;
            if (item.Target is NewAlertIncident)
                Touched.Add(item);
        }
    }

    private void DecideKnown(AlertItemRef item, AlertGroup row)
    {
        item.Target = new AlertTarget { Number = row.IncidentNumber, IsStorm = row.InStorm };
        item.NameAsStored(row);
        if (row.IsRepeatOf(item.Digest, _now, RetryWindow))
        {
            item.Effect = AlertEffect.Unchanged;
            return;
        }

        var (state, resolvedAt) = _incidents.TryGetValue(row.IncidentNumber, out var known) ? known : (IncidentState.Closed, null);
        switch (item.Signal.Status)
        {
            case AlertStatus.Firing when IsOpen(state):
                item.Effect = AlertEffect.StillFiring;
                break;
            case AlertStatus.Firing when row.Status == AlertStatus.Resolved && state == IncidentState.Resolved && resolvedAt is { } at && _now - at <= _plan.ReopenWithin:
                item.Effect = AlertEffect.Reopened;
                break;
            case AlertStatus.Firing:
                // Its incident is over (closed, cancelled, past the reopen window): the group opens a new one.
                Place(item);
                return;
            case AlertStatus.Resolved when row.Status != AlertStatus.Resolved:
                item.Effect = AlertEffect.Resolved;
                break;
            case AlertStatus.Acknowledged when state == IncidentState.Reported:
                item.Effect = AlertEffect.Acknowledged;
                break;
            default:
                item.Effect = AlertEffect.Unchanged;
                Touched.Add(item);
                return;
        }

        ChangeOf(row.IncidentNumber, item.Source, row.InStorm).Items.Add(item);
    }

    private AlertChange ChangeOf(int number, AlertSourcePlan source, bool isStorm)
    {
        if (!_changes.TryGetValue(number, out var change))
            _changes[number] = change = new AlertChange(number, source, isStorm);
        return change;
    }

    /// <summary>What the round did to each group, in the order the groups came; incident numbers as filed.</summary>
    public IReadOnlyList<AlertGroupOutcome> Outcomes() =>
        _items.Select(i => new AlertGroupOutcome(i.Signal.Key, i.Target?.Number, i.Effect)).ToList();

    private static bool IsOpen(IncidentState state) => state is IncidentState.Reported or IncidentState.Acknowledged or IncidentState.Mitigated;

    private sealed class SourceState(AlertSourcePlan source, int recent, int? openStorm, bool stormActive)
    {
        public AlertSourcePlan Source => source;
        public int Recent { get; set; } = recent;
        public int? OpenStorm { get; set; } = openStorm;
        public bool StormActive { get; set; } = stormActive;
        public NewAlertIncident? StormFiling { get; set; }
    }
}
