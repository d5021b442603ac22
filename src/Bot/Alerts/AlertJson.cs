using System.Globalization;
using System.Text.Json;
using Jivrus.IncidentBot.Workflow.Alerts;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>Small, forgiving reads of the JSON the readers share: a missing or mistyped optional field is simply absent.</summary>
internal static class AlertJson
{
    /// <summary>The parsed body, or null when it is not JSON at all.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string property, trimmed; null when absent, not a string, or blank.</summary>
    public static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString()!.Trim() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>An object property, or null when absent or not an object.</summary>
    public static JsonElement? Object(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>An array property, or null when absent or not an array.</summary>
    public static JsonElement? Array(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value : null;

    /// <summary>
    /// The scalar members of an object as labels, in the sender's order: strings as they are, numbers and booleans as
    /// written; nested objects, arrays and nulls are left out, since a label is one value.
    /// </summary>
    public static List<KeyValuePair<string, string>> Labels(JsonElement? obj)
    {
        var labels = new List<KeyValuePair<string, string>>();
        if (obj is not { ValueKind: JsonValueKind.Object } map)
            return labels;
        foreach (var member in map.EnumerateObject())
        {
            if (Scalar(member.Value) is { } value)
                labels.Add(new(member.Name, value));
        }

        return labels;
    }

    /// <summary>The value of the first label named <paramref name="name"/> (exactly as written), or null.</summary>
    public static string? Label(IReadOnlyList<KeyValuePair<string, string>> labels, string name)
    {
        foreach (var (key, value) in labels)
        {
            if (string.Equals(key, name, StringComparison.Ordinal) && value.Trim().Length > 0)
                return value.Trim();
        }

        return null;
    }

    /// <summary>
    /// A timestamp property; null when absent, unreadable, or Go's zero time (<c>0001-01-01T00:00:00Z</c>), which
    /// Alertmanager and Grafana send as the end of an alert that is still firing.
    /// </summary>
    public static DateTimeOffset? Time(JsonElement obj, string name)
    {
        if (Text(obj, name) is not { } text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return null;
        return time.Year <= 1 ? null : time;
    }

    /// <summary><c>firing</c> or <c>resolved</c>, in any case; null for anything else.</summary>
    public static AlertStatus? FiringOrResolved(string? text) => text?.ToLowerInvariant() switch
    {
        "firing" => AlertStatus.Firing,
        "resolved" => AlertStatus.Resolved,
        _ => null,
    };

    /// <summary>
    /// A value the sender wrote, as a refusal quotes it: at most 40 characters, so a body (or a path) of garbage is
    /// not echoed back whole into the answer and the log.
    /// </summary>
    public static string Shown(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
