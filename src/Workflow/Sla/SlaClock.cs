using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Sla;

/// <summary>
/// Counts SLA time for one plan, on the calendar clock (every minute counts) or the business-hours
/// clock (only minutes inside the plan's business hours, read in the plan's time zone, count).
/// Pure functions of their inputs; every instant returned is in UTC (offset zero).
/// </summary>
/// <remarks>
/// Working windows are walked day by day, so a five-day duration costs a handful of steps.
/// Window bounds are local wall times converted with the zone's offset on that day, so nights,
/// weekends and DST changes are counted in real elapsed time. A window bound inside a spring-forward
/// gap moves to the first valid instant after the gap; one that the clocks show twice (fall back)
/// is taken at its first showing.
/// </remarks>
public sealed class SlaClock
{
    private readonly WorkingWindows _windows;

    public SlaClock(ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _windows = new WorkingWindows(plan.TimeZone, plan.BusinessHours);
    }

    /// <summary>
    /// The instant at which <paramref name="duration"/> of counted time has passed since
    /// <paramref name="start"/>. On the business clock a start outside hours begins counting at the
    /// next opening, and a duration used up exactly at closing ends at closing (not next morning).
    /// A zero duration returns <paramref name="start"/>: nothing has to be counted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative.</exception>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration, ClockKind clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
            return start.ToUniversalTime();

        switch (clock)
        {
            case ClockKind.Calendar:
                return start.ToUniversalTime() + duration;
            case ClockKind.BusinessHours:
                var remaining = duration;
                foreach (var (open, close) in _windows.From(start))
                {
                    var from = open > start ? open : start;
                    var available = close - from;
                    if (remaining <= available)
                        return (from + remaining).ToUniversalTime();
                    if (available > TimeSpan.Zero)
                        remaining -= available;
                }

                throw new InvalidOperationException("unreachable: working windows never run out");
            default:
                throw Unknown(clock);
        }
    }

    /// <summary>Counted time between <paramref name="from"/> and <paramref name="to"/>; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to, ClockKind clock)
    {
        if (to <= from)
            return TimeSpan.Zero;

        switch (clock)
        {
            case ClockKind.Calendar:
                return to - from;
            case ClockKind.BusinessHours:
                var total = TimeSpan.Zero;
                foreach (var (open, close) in _windows.Between(from, to))
                {
                    var overlap = (close < to ? close : to) - (open > from ? open : from);
                    if (overlap > TimeSpan.Zero)
                        total += overlap;
                }

                return total;
            default:
                throw Unknown(clock);
        }
    }

    /// <summary>True when <paramref name="instant"/> lies inside business hours; always true on the calendar clock.</summary>
    public bool IsCounting(DateTimeOffset instant, ClockKind clock) => clock switch
    {
        ClockKind.Calendar => true,
        ClockKind.BusinessHours => _windows.HasAny && _windows.Next(instant).Start <= instant,
        _ => throw Unknown(clock),
    };

    /// <summary><paramref name="instant"/> itself (in UTC) when the clock is counting, otherwise the next opening of business hours.</summary>
    public DateTimeOffset NextCountingInstant(DateTimeOffset instant, ClockKind clock)
    {
        switch (clock)
        {
            case ClockKind.Calendar:
                return instant.ToUniversalTime();
            case ClockKind.BusinessHours:
                var (open, _) = _windows.Next(instant);
                return (open > instant ? open : instant).ToUniversalTime();
            default:
                throw Unknown(clock);
        }
    }

    private static ArgumentOutOfRangeException Unknown(ClockKind clock) =>
        new(nameof(clock), clock, "Unknown SLA clock.");
}
