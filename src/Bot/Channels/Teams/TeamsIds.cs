using System.Text.Json;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>Reading Teams conversation ids: a channel thread is <c>19:…@thread.tacv2;messageid=123</c>.</summary>
internal static class TeamsIds
{
    public const string Channel = "teams";
    private const string MessageIdMarker = ";messageid=";

    public static string BaseConversation(string conversationId)
    {
        var marker = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return marker < 0 ? conversationId : conversationId[..marker];
    }

    public static string? ThreadOf(string conversationId)
    {
        var marker = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return marker < 0 ? null : conversationId[(marker + MessageIdMarker.Length)..];
    }

    public static string? TenantOf(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>Service URLs compare without a trailing slash and without case.</summary>
    public static bool SameServiceUrl(string? a, string? b) =>
        a is not null && b is not null
        && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
