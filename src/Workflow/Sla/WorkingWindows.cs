using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Sla;

/// <summary>
/// The plan's working windows as UTC intervals, one per working day, found day by day so that
/// long durations cost O(days) rather than O(minutes).
/// </summary>
internal sealed class WorkingWindows
{
    private readonly TimeZoneInfo _zone;
    private readonly BusinessHours _hours;

    public WorkingWindows(TimeZoneInfo zone, BusinessHours hours)
    {
        _zone = zone;
        _hours = hours;
    }

    public bool HasAny => _hours.Days.Count > 0;

    /// <summary>
    /// Windows that end after <paramref name="from"/>, in order, without end.
    /// A window is [day + Start, day + End) in local wall time; when End is not after Start the
    /// window runs past midnight into the next day (so 00:00–00:00 is a whole day). Because such a
    /// window may begin the day before, the walk starts one local day early.
    /// </summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> From(DateTimeOffset from)
    {
        if (!HasAny)
            throw new InvalidOperationException("The plan's business hours name no working days, so the business-hours clock never runs.");

        var day = DateOnly.FromDateTime(WallClock.ToLocal(from, _zone)).AddDays(-1);
        while (true)
        {
            if (Window(day) is { } window && window.End > from)
                yield return window;
            day = day.AddDays(1);
        }
    }

    /// <summary>Windows that overlap [from, to), in order.</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (!HasAny)
            yield break;

        foreach (var window in From(from))
        {
            if (window.Start >= to)
                yield break;
            yield return window;
        }
    }

    /// <summary>The first non-empty window that has not closed by <paramref name="instant"/>.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Next(DateTimeOffset instant) =>
        // Only a window lying wholly inside a DST gap is empty, and that happens once a year,
        // so the search ends within days.
        From(instant).First(window => window.End > window.Start);

    private (DateTimeOffset Start, DateTimeOffset End)? Window(DateOnly day)
    {
        if (!_hours.Days.Contains(day.DayOfWeek))
            return null;

        var endDay = _hours.End <= _hours.Start ? day.AddDays(1) : day;
        var start = WallClock.ToUtc(day.ToDateTime(_hours.Start), _zone);
        var end = WallClock.ToUtc(endDay.ToDateTime(_hours.End), _zone);

        // A window lying wholly inside a DST gap collapses to nothing rather than running backwards.
        return (start, end < start ? start : end);
    }
}
