using System.Globalization;

namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>Incident ids as people see them: <c>INC-7</c>.</summary>
public static class IncidentId
{
    public const string Prefix = "INC-";

    public static string Format(int number) => Prefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts <c>INC-7</c>, <c>inc-7</c>, <c>#7</c> and <c>7</c>.</summary>
    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var span = text.AsSpan().Trim();
        if (span.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            span = span[Prefix.Length..];
        else if (span.StartsWith("#"))
            span = span[1..];
        return int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
