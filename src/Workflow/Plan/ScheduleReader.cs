using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>Reads the clock-related sections: <c>timeZone</c>, <c>businessHours</c> and <c>summaries</c>.</summary>
internal static class ScheduleReader
{
    /// <summary>Summaries go out at 09:00 daily and Monday 09:00 weekly unless the plan says otherwise.</summary>
    private static readonly SummarySchedule DefaultSummaries = new(new TimeOnly(9, 0), DayOfWeek.Monday, new TimeOnly(9, 0));

    public static TimeZoneInfo? ReadTimeZone(YamlMap root, PlanErrorList errors)
    {
        var id = root.Text("timeZone", required: true);
        if (id is null)
            return null;

        // IANA ids (Asia/Kolkata) work on every OS since .NET 6; Windows ids work where ICU can map them.
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
            return zone;
        errors.Add(root.Get("timeZone")!, $"unknown time zone '{id}' (use an IANA id such as Asia/Kolkata)");
        return null;
    }

    public static BusinessHours? ReadBusinessHours(YamlMap root, PlanErrorList errors)
    {
        if (root.Get("businessHours") is null)
            return BusinessHours.Default;
        var map = root.Map("businessHours", "businessHours");
        if (map is null)
            return null;
        map.AllowOnly("days", "start", "end");

        var days = ReadDays(map, errors);
        var start = ReadTime(map, "start", required: true, errors);
        var end = ReadTime(map, "end", required: true, errors);
        if (start is not null && end is not null && start >= end)
            errors.Add(map.Get("start")!, $"business hours start {PlanText.Time(start.Value)} must be before end {PlanText.Time(end.Value)}");
        return days is null || start is null || end is null || start >= end
            ? null
            : new BusinessHours(days, start.Value, end.Value);
    }

    public static SummarySchedule? ReadSummaries(YamlMap root, PlanErrorList errors)
    {
        if (root.Get("summaries") is null)
            return DefaultSummaries;
        var map = root.Map("summaries", "summaries");
        if (map is null)
            return null;
        map.AllowOnly("daily", "weekly");

        var daily = map.Get("daily") is null ? DefaultSummaries.Daily : ReadTime(map, "daily", required: false, errors);
        var weeklyText = map.Text("weekly");
        if (weeklyText is null)
            return daily is null ? null : DefaultSummaries with { Daily = daily.Value };

        // "Mon 09:00": a day name, whitespace, then a time.
        var parts = weeklyText.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !PlanText.TryParseDay(parts[0], out var day) || !PlanText.TryParseTime(parts[1], out var time))
        {
            errors.Add(map.Get("weekly")!, $"summaries.weekly '{weeklyText}' must be a day and a time, e.g. \"Mon 09:00\"");
            return null;
        }

        return daily is null ? null : new SummarySchedule(daily.Value, day, time);
    }

    private static HashSet<DayOfWeek>? ReadDays(YamlMap map, PlanErrorList errors)
    {
        var items = map.List("days", required: true);
        if (items is null)
            return null;
        if (items.Count == 0)
        {
            errors.Add(map.Get("days")!, "businessHours.days is empty; business-hours clocks would never run");
            return null;
        }

        var days = new HashSet<DayOfWeek>();
        var valid = true;
        foreach (var item in items)
        {
            var text = (item as YamlScalarNode)?.Value;
            if (PlanText.TryParseDay(text, out var day))
            {
                days.Add(day);
                continue;
            }

            errors.Add(item, $"unknown day '{text}' in businessHours.days (use Mon, Tue, Wed, Thu, Fri, Sat or Sun)");
            valid = false;
        }

        return valid ? days : null;
    }

    private static TimeOnly? ReadTime(YamlMap map, string key, bool required, PlanErrorList errors)
    {
        var text = map.Text(key, required);
        if (text is null)
            return null;
        if (PlanText.TryParseTime(text, out var time))
            return time;
        errors.Add(map.Get(key)!, $"{map.Context}.{key} '{text}' is not a time of day; write it as \"HH:mm\", e.g. \"09:00\"");
        return null;
    }
}
