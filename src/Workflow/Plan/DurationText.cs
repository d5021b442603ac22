using System.Globalization;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>
/// Durations as people write them in the plan and in commands: a whole number and one unit,
/// <c>30s</c>, <c>15m</c>, <c>4h</c>, <c>2d</c>. Combined forms such as <c>1h30m</c> are accepted too.
/// </summary>
public static class DurationText
{
    /// <summary>The longest duration accepted anywhere (a year); longer values are almost certainly typos.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(366);

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
            return false;

        var span = text.AsSpan().Trim();
        var total = TimeSpan.Zero;
        var any = false;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
                digits++;
            if (digits == 0 || digits == span.Length || digits > 6)
                return false;
            var number = int.Parse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            var unit = char.ToLowerInvariant(span[digits]);
            TimeSpan part = unit switch
            {
                's' => TimeSpan.FromSeconds(number),
                'm' => TimeSpan.FromMinutes(number),
                'h' => TimeSpan.FromHours(number),
                'd' => TimeSpan.FromDays(number),
                'w' => TimeSpan.FromDays(7L * number),
                _ => TimeSpan.MinValue,
            };
            if (part == TimeSpan.MinValue)
                return false;
            total += part;
            if (total > Max)
                return false;
            any = true;
            span = span[(digits + 1)..];
        }

        if (!any || total <= TimeSpan.Zero)
            return false;
        value = total;
        return true;
    }

    /// <summary>
    /// How long something took or has lasted, for sentences: <see cref="Format"/>'s short form, or
    /// <c>under a minute</c> for less than a minute, so nothing reads "after 0m".
    /// </summary>
    public static string Elapsed(TimeSpan value) => value < TimeSpan.FromMinutes(1) ? "under a minute" : Format(value);

    /// <summary>
    /// A duration as people write it in a command: the plan's forms (<c>45m</c>, <c>1h30m</c>), or a number and a
    /// unit word, joined or apart (<c>45 min</c>, <c>1 hour</c>, <c>2hrs</c>, <c>90 seconds</c>). A bare number is
    /// not a duration: "next 45" could mean minutes or hours.
    /// </summary>
    public static bool TryParseSpoken(string? text, out TimeSpan value)
    {
        if (TryParse(text, out value))
            return true;
        var span = text.AsSpan().Trim();
        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
            digits++;
        if (digits == 0 || digits > 6)
            return false;
        var unit = span[digits..].Trim().ToString().ToLowerInvariant() switch
        {
            "sec" or "secs" or "second" or "seconds" => "s",
            "min" or "mins" or "minute" or "minutes" => "m",
            "hr" or "hrs" or "hour" or "hours" => "h",
            "day" or "days" => "d",
            "week" or "weeks" => "w",
            _ => null,
        };
        return unit is not null && TryParse(string.Concat(span[..digits], unit), out value);
    }

    /// <summary>Short human form: <c>15m</c>, <c>4h</c>, <c>1h30m</c>, <c>5d</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
            return "0m";
        var parts = new List<string>(4);
        if (value.Days > 0) parts.Add($"{value.Days}d");
        if (value.Hours > 0) parts.Add($"{value.Hours}h");
        if (value.Minutes > 0) parts.Add($"{value.Minutes}m");
        if (value.Seconds > 0 && value < TimeSpan.FromHours(1)) parts.Add($"{value.Seconds}s");
        return parts.Count == 0 ? "0m" : string.Concat(parts);
    }
}
