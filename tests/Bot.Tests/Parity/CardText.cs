using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>Reads a rendered card (Block Kit blocks, an Adaptive Card) as the lines of text a person sees on it.</summary>
internal static class CardText
{
    /// <summary>Every string under one of <paramref name="keys"/>, in document order; button payloads (<c>data</c>, <c>value</c> of buttons) are skipped.</summary>
    public static string Of(JsonNode? card, params string[] keys)
    {
        var lines = new List<string>();
        Collect(card, keys, lines);
        return string.Join('\n', lines);
    }

    private static void Collect(JsonNode? node, string[] keys, List<string> lines)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (name == "data" || (name == "value" && obj["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)obj["type"] == "button"))
                        continue;
                    if (child is JsonValue value && keys.Contains(name) && value.TryGetValue<string>(out var text))
                        lines.Add(text);
                    else
                        Collect(child, keys, lines);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                    Collect(item, keys, lines);
                break;
        }
    }
}
