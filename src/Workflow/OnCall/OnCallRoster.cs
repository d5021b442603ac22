using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.OnCall;

/// <summary>
/// Who is on call: a pure function of the plan's rotations, the overrides and an instant. Where overrides overlap,
/// the one made last (then the higher id) wins; cancelled ones do not count.
/// </summary>
public sealed class OnCallRoster
{
    // A schedule changes hands at most a few times a day; this bounds the walks below, never reached in practice.
    private const int MaxSteps = 10_000;

    /// <summary>How far ahead a turn is followed while its person stays on call.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(366);

    private readonly Dictionary<string, RotationClock> _clocks;
    private readonly ILookup<string, OnCallOverride> _overrides;
    private readonly IReadOnlyList<string> _peopleOrder;

    // peopleOrder: the plan's person ids in order; a level that names rotations lists its people in this order.
    public OnCallRoster(IReadOnlyList<Rotation> rotations, IEnumerable<OnCallOverride> overrides, IReadOnlyList<string>? peopleOrder = null)
    {
        _peopleOrder = peopleOrder ?? [];
        _clocks = rotations.ToDictionary(r => r.Id, r => new RotationClock(r), StringComparer.OrdinalIgnoreCase);
        _overrides = overrides.Where(o => !o.IsCancelled).ToLookup(o => o.RotationId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A roster with the plan's rotations and no overrides.</summary>
    public static OnCallRoster Scheduled(ResponsePlan plan) => For(plan, []);

    /// <summary>A roster of the plan's rotations with <paramref name="overrides"/>.</summary>
    public static OnCallRoster For(ResponsePlan plan, IEnumerable<OnCallOverride> overrides) =>
        new(plan.Rotations, overrides, plan.People.Select(p => p.Id).ToList());

    public IEnumerable<Rotation> Rotations => _clocks.Values.Select(c => c.Rotation);

    /// <summary>The overrides this roster applies (cancelled ones left out).</summary>
    public IEnumerable<OnCallOverride> Overrides => _overrides.SelectMany(g => g);

    /// <summary>This roster with <paramref name="more"/> overrides as well.</summary>
    public OnCallRoster With(IEnumerable<OnCallOverride> more) => new(Rotations.ToList(), Overrides.Concat(more), _peopleOrder);

    public Rotation? FindRotation(string id) => _clocks.TryGetValue(id, out var clock) ? clock.Rotation : null;

    /// <summary>The person on call for <paramref name="rotationId"/> at <paramref name="at"/>, and until when.</summary>
    public Turn At(string rotationId, DateTimeOffset at)
    {
        var first = Segment(rotationId, at);
        var until = first.Until;
        // A rotation of one person never changes hands: its turn is reported as lasting a year, not walked forever.
        for (var step = 0; step < MaxSteps && until - at < Horizon; step++)
        {
            var next = Segment(rotationId, until);
            if (!string.Equals(next.PersonId, first.PersonId, StringComparison.OrdinalIgnoreCase) || next.Override?.Id != first.Override?.Id)
                break;
            until = next.Until;
        }

        return first with { Until = until };
    }

    /// <summary>
    /// The people a ladder level pages at <paramref name="at"/>: each person it names, and whoever is on call for each
    /// rotation it names, each once. A level of people only keeps its own order; one that names a rotation lists its
    /// people in the plan's order, so the names read the same whichever turn of the rotation is on.
    /// </summary>
    public IReadOnlyList<string> Responders(EscalationLevel level, DateTimeOffset at)
    {
        var people = new List<string>();
        foreach (var responder in level.Responders)
        {
            var id = Rotation.IdOf(responder) is { } rotation && _clocks.ContainsKey(rotation) ? At(rotation, at).PersonId : responder;
            if (!people.Contains(id, StringComparer.OrdinalIgnoreCase))
                people.Add(id);
        }

        if (_peopleOrder.Count == 0 || !level.Responders.Any(r => Rotation.IdOf(r) is not null))
            return people;
        return people.OrderBy(p => Rank(p)).ToList();
    }

    private int Rank(string personId)
    {
        for (var i = 0; i < _peopleOrder.Count; i++)
        {
            if (string.Equals(_peopleOrder[i], personId, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        return _peopleOrder.Count;
    }

    /// <summary>The turns of a rotation that overlap [<paramref name="from"/>, <paramref name="to"/>), overrides applied, in order.</summary>
    public IReadOnlyList<Turn> Turns(string rotationId, DateTimeOffset from, DateTimeOffset to)
    {
        var turns = new List<Turn>();
        var at = from;
        while (at < to && turns.Count < MaxSteps)
        {
            var turn = At(rotationId, at);
            turns.Add(turn);
            at = turn.Until;
        }

        return turns;
    }

    /// <summary>The first instant after <paramref name="after"/> at which any rotation changes hands; null without rotations.</summary>
    public DateTimeOffset? NextHandoff(DateTimeOffset after) =>
        _clocks.Count == 0 ? null : _clocks.Keys.Min(id => At(id, after).Until);

    /// <summary>The stretch from <paramref name="at"/> until the schedule or an override next changes, whoever holds it.</summary>
    private Turn Segment(string rotationId, DateTimeOffset at)
    {
        var clock = _clocks.TryGetValue(rotationId, out var c) ? c : throw new KeyNotFoundException($"The plan has no rotation '{rotationId}'.");
        var scheduled = clock.ShiftAt(at);
        var until = clock.Rotation.People.Count == 1 ? at + Horizon : scheduled.Until;
        OnCallOverride? winner = null;
        foreach (var o in _overrides[rotationId])
        {
            if (o.From > at && o.From < until)
                until = o.From;
            if (o.Until > at && o.Until < until)
                until = o.Until;
            if (o.Covers(at) && (winner is null || (o.CreatedAt, o.Id).CompareTo((winner.CreatedAt, winner.Id)) > 0))
                winner = o;
        }

        return winner is null
            ? scheduled with { From = at, Until = until }
            : new Turn(clock.Rotation.Id, winner.PersonId, at, until, winner);
    }
}
