using System.Text.Json;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>Reads Slack's payloads leniently: a missing or oddly typed field is null, never an exception.</summary>
internal static class SlackJson
{
    public static string? Str(JsonElement element, params string[] path)
    {
        foreach (var step in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
                return null;
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    public static JsonDocument? Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
