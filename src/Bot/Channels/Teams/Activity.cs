using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>The parts of a Bot Framework activity the bot reads. Unknown fields are ignored.</summary>
internal sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? Name { get; init; }
    public string? ReplyToId { get; init; }
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<MentionEntity>? Entities { get; init; }

    /// <summary>The conversation without the <c>;messageid=</c> suffix Teams adds inside a channel thread.</summary>
    [JsonIgnore]
    public string BaseConversationId => TeamsIds.BaseConversation(Conversation?.Id ?? "");

    /// <summary>The root message of the thread, when the activity came from a channel thread.</summary>
    [JsonIgnore]
    public string? ThreadId => TeamsIds.ThreadOf(Conversation?.Id ?? "");

    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? TeamsIds.TenantOf(ChannelData);

    [JsonIgnore]
    public bool IsPersonal => string.Equals(Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
}

internal sealed record ChannelAccount(string? Id, string? Name = null, string? AadObjectId = null);

internal sealed record ConversationAccount(string? Id, string? ConversationType = null, string? TenantId = null, bool? IsGroup = null);

/// <summary>An entity of an activity; mentions carry the mentioned account and the <c>&lt;at&gt;</c> text.</summary>
internal sealed record MentionEntity(string? Type, ChannelAccount? Mentioned = null, string? Text = null);

/// <summary>Shared JSON settings: camelCase, nulls left out.</summary>
internal static class TeamsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
