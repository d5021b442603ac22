namespace Jivrus.IncidentBot.Workflow.Sla;

/// <summary>
/// Turns a wall-clock time of one time zone into a UTC instant, including the two times a year
/// when the wall clock skips or repeats an hour.
/// </summary>
internal static class WallClock
{
    /// <summary>
    /// The UTC instant at which the zone's clocks show <paramref name="local"/>.
    /// A time inside a spring-forward gap never shows, so it becomes the first valid instant after
    /// the gap (the transition itself): a window that "opens at 02:30" on that night opens when the
    /// clocks jump, neither losing the window nor shifting it by the gap's length.
    /// A time the clocks show twice (fall back) is taken at its first showing, the moment people
    /// see that time first; so a window bound never moves later than the wall clock suggests.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            local = FirstValidAfterGap(local, zone);

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>
    /// How an instant reads in a sentence: the time of day in the plan's zone, with the day when it is not today
    /// there ("17:30 (Asia/Kolkata)", "Mon 7 Dec 09:15 (Asia/Kolkata)"), so nobody on call converts from UTC.
    /// </summary>
    public static string Describe(DateTimeOffset instant, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = ToLocal(instant, zone);
        var format = local.Date == ToLocal(now, zone).Date ? "HH:mm" : "ddd d MMM HH:mm";
        return $"{local.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ({zone.Id})";
    }

    /// <summary>The local wall-clock time of an instant in the zone.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    // Invalid times form one contiguous gap, so the end of the gap can be found by widening a
    // step until a valid time is reached and then bisecting; this runs only on transition days.
    private static DateTime FirstValidAfterGap(DateTime local, TimeZoneInfo zone)
    {
        var step = TimeSpan.FromMinutes(1);
        while (zone.IsInvalidTime(local + step))
            step += step;

        long invalid = local.Ticks, valid = (local + step).Ticks;
        while (valid - invalid > 1)
        {
            var middle = invalid + (valid - invalid) / 2;
            if (zone.IsInvalidTime(new DateTime(middle, DateTimeKind.Unspecified)))
                invalid = middle;
            else
                valid = middle;
        }

        return new DateTime(valid, DateTimeKind.Unspecified);
    }
}
