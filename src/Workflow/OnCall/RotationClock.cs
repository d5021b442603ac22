using NodaTime;
using NodaTime.TimeZones;

namespace Jivrus.IncidentBot.Workflow.OnCall;

/// <summary>
/// The scheduled turns of one rotation, overrides aside. Handoffs are wall-clock times in the rotation's zone: a
/// 12h rotation at 09:00 hands over at 09:00 and 21:00 local time whatever the offset, so a shift across a DST
/// change is an hour longer or shorter. A handoff the clocks skip (02:30 on a spring-forward night) happens at the
/// first instant after the gap (03:00); one the clocks repeat happens the first time the wall clock reads it.
/// </summary>
public sealed class RotationClock
{
    // Skipped: the start of the interval after the gap; ambiguous: the earlier of the two instants.
    private static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly Rotation _rotation;
    private readonly LocalDateTime _first;
    private readonly Duration _nominal;

    public RotationClock(Rotation rotation)
    {
        _rotation = rotation;
        _first = FirstHandoff(rotation);
        _nominal = rotation.Shift switch
        {
            RotationShift.TwelveHours => Duration.FromHours(12),
            RotationShift.Day => Duration.FromDays(1),
            RotationShift.Week => Duration.FromDays(7),
            _ => Duration.FromDays(14),
        };
    }

    public Rotation Rotation => _rotation;

    /// <summary>The local date and time of handoff number <paramref name="k"/> (0 starts the first shift).</summary>
    public LocalDateTime LocalHandoff(long k) => _rotation.Shift switch
    {
        RotationShift.TwelveHours => _first.PlusHours(12 * k),
        RotationShift.Day => _first.PlusDays((int)k),
        RotationShift.Week => _first.PlusWeeks((int)k),
        _ => _first.PlusWeeks(2 * (int)k),
    };

    /// <summary>The instant of handoff number <paramref name="k"/>.</summary>
    public DateTimeOffset Handoff(long k) => ToInstant(_rotation.TimeZone, LocalHandoff(k));

    /// <summary>A wall-clock time in <paramref name="zone"/> as an instant, by the same rule as handoffs.</summary>
    public static DateTimeOffset ToInstant(DateTimeZone zone, LocalDateTime local) =>
        zone.ResolveLocal(local, Resolver).ToDateTimeOffset().ToUniversalTime();

    /// <summary>True when handoff <paramref name="k"/> falls in a gap of the clocks and moves to the gap's end.</summary>
    public bool IsSkipped(long k) => _rotation.TimeZone.MapLocal(LocalHandoff(k)).Count == 0;

    /// <summary>The scheduled shift that holds <paramref name="at"/>: before the first handoff the turn counts backwards.</summary>
    public Turn ShiftAt(DateTimeOffset at) => TurnOf(IndexAt(at));

    /// <summary>The number of the scheduled shift that holds <paramref name="at"/> (negative before the first handoff).</summary>
    public long IndexAt(DateTimeOffset at)
    {
        var elapsed = Instant.FromDateTimeOffset(at) - Instant.FromDateTimeOffset(Handoff(0));
        var k = (long)Math.Floor(elapsed.TotalTicks / _nominal.TotalTicks);
        while (Handoff(k) > at)
            k--;
        while (Handoff(k + 1) <= at)
            k++;
        return k;
    }

    /// <summary>Shift number <paramref name="k"/>.</summary>
    public Turn TurnOf(long k)
    {
        var count = _rotation.People.Count;
        var person = _rotation.People[(int)(((k % count) + count) % count)];
        return new Turn(_rotation.Id, person, Handoff(k), Handoff(k + 1), null);
    }

    private static LocalDateTime FirstHandoff(Rotation rotation)
    {
        var date = rotation.Start;
        if (rotation.HandoffDay is { } day)
            date = date.DayOfWeek == day ? date : date.Next(day);
        return date + rotation.HandoffTime;
    }
}
