using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;

namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>
/// When summaries are due and which window they cover, read in the plan's time zone. Wall-clock times
/// follow <c>WallClock</c>: a time the clocks skip (spring forward) falls at the jump, a time they show
/// twice (fall back) is taken at its first showing, so no summary is lost or posted twice on those nights.
/// </summary>
public sealed class SummaryClock(ResponsePlan plan)
{
    private TimeZoneInfo Zone => plan.TimeZone;

    /// <summary>The first daily summary time strictly after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset NextDaily(DateTimeOffset after) =>
        NextMatching(after, plan.Summaries.Daily, _ => true);

    /// <summary>The first weekly summary time strictly after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset NextWeekly(DateTimeOffset after) =>
        NextMatching(after, plan.Summaries.WeeklyTime, day => day.DayOfWeek == plan.Summaries.WeeklyDay);

    /// <summary>The next summary of <paramref name="period"/> strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(ReportPeriod period, DateTimeOffset after) =>
        period == ReportPeriod.Week ? NextWeekly(after) : NextDaily(after);

    /// <summary>
    /// Where a window ending at <paramref name="end"/> starts: the same wall-clock time one or seven days
    /// earlier, so a daily window across a daylight-saving change is 23 or 25 hours long and summaries
    /// posted at 09:00 cover 09:00 to 09:00.
    /// </summary>
    public DateTimeOffset WindowStart(ReportPeriod period, DateTimeOffset end)
    {
        var days = period == ReportPeriod.Week ? 7 : 1;
        return WallClock.ToUtc(WallClock.ToLocal(end, Zone).AddDays(-days), Zone);
    }

    private DateTimeOffset NextMatching(DateTimeOffset after, TimeOnly time, Func<DateOnly, bool> isDay)
    {
        // Start a day early: near midnight the local date of `after` may already be past today's time.
        var day = DateOnly.FromDateTime(WallClock.ToLocal(after, Zone)).AddDays(-1);
        for (var i = 0; i < 9; i++, day = day.AddDays(1))
        {
            if (!isDay(day))
                continue;
            var candidate = WallClock.ToUtc(day.ToDateTime(time), Zone);
            if (candidate > after)
                return candidate;
        }

        throw new InvalidOperationException("No summary time found within nine days; the schedule cannot be computed.");
    }
}
