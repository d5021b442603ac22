using System.Globalization;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// The one sentence a setting outside its accepted range stops start-up with: the key, the range, and the value found,
/// written the way the setting is typed (<c>00:00:00.250</c>, not <c>00:00:00.2500000</c>).
/// </summary>
internal static class SettingRange
{
    /// <summary>The sentence, or null when <paramref name="value"/> lies within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static string? Within(string key, TimeSpan value, TimeSpan min, TimeSpan max) =>
        value >= min && value <= max ? null : $"{key} must be between {Duration(min)} and {Duration(max)}; it is {Duration(value)}.";

    /// <summary>The sentence, or null when <paramref name="value"/> lies within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static string? Within(string key, int value, int min, int max) =>
        value >= min && value <= max
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{key} must be between {min} and {max}; it is {value}.");

    /// <summary>A duration as configuration takes it: <c>[d.]hh:mm:ss[.fff]</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        var sign = value < TimeSpan.Zero ? "-" : "";
        var size = value.Duration();
        var days = size.Days > 0 ? @"d\." : "";
        var millis = size.Milliseconds > 0 ? @"\.fff" : "";
        return sign + size.ToString(days + @"hh\:mm\:ss" + millis, CultureInfo.InvariantCulture);
    }

    /// <summary>The first sentence of <paramref name="checks"/> that is not null.</summary>
    public static string? First(params string?[] checks) => checks.FirstOrDefault(c => c is not null);
}
