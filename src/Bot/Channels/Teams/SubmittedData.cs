using System.Globalization;
using System.Text.Json;
using Jivrus.IncidentBot.Bot.Conversations;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>What came back from a card: the action's data merged with the input values, as strings.</summary>
internal sealed class SubmittedData
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private SubmittedData(JsonElement data)
    {
        foreach (var property in data.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => property.Value.GetBoolean().ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (text is not null)
                _values[property.Name] = text;
        }
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? this[string key] => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary>A pressed incident or ticket button: <c>{action, incident}</c> or <c>{action, ticket}</c>.</summary>
    public InboundAction? Action =>
        this["action"] is { Length: > 0 } action ? new InboundAction(action, this["incident"] ?? this["ticket"] ?? this["value"] ?? "") : null;

    /// <summary>The form a submission belongs to (<c>report</c>, <c>rca</c>), when it is one.</summary>
    public string? Form => this["form"];

    public static SubmittedData? From(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } data ? new SubmittedData(data) : null;

    /// <summary>The data of an <c>adaptiveCard/action</c> invoke: <c>value.action.data</c>, with the verb as the action when data has none.</summary>
    public static SubmittedData? FromInvoke(JsonElement? value, out string? verb)
    {
        verb = null;
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return null;
        verb = action.TryGetProperty("verb", out var named) && named.ValueKind == JsonValueKind.String ? named.GetString() : null;
        var data = new SubmittedData(action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : EmptyObject());
        if (data["action"] is null && verb is not null && data.Form is null)
            data._values["action"] = verb;
        return data;
    }

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
