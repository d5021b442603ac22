using System.Globalization;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>Times of day and day names as the plan writes them: <c>09:00</c>, <c>Mon</c> or <c>Monday</c>.</summary>
internal static class PlanText
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm"];

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>English day names only: the plan is a shared file and must not depend on the server's culture.</summary>
    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        day = default;
        var name = text?.Trim() ?? "";
        if (name.Length < 3)
            return false;
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var full = candidate.ToString();
            if (full.Equals(name, StringComparison.OrdinalIgnoreCase)
                || full[..3].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }

        return false;
    }

    public static string ShortDay(DayOfWeek day) => day.ToString()[..3];

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
