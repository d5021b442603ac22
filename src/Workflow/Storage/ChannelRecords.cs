namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Where a post went in a chat system (channel name, conversation id, message id), so a card can be
/// updated in place later. The workflow stores these as opaque strings and never interprets them.
/// </summary>
public sealed class ChannelPost
{
    public long Id { get; set; }
    public string Channel { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string MessageId { get; set; } = "";
    public int? IncidentNumber { get; set; }

    /// <summary><c>card</c> for posts that show the live incident card; other posts are not updated.</summary>
    public string Purpose { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }
}

/// <summary>An incident's own conversation in one chat system (a Slack channel, a Teams thread).</summary>
public sealed class IncidentConversation
{
    public string Channel { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public int IncidentNumber { get; set; }
}

/// <summary>One outbox message delivered to one chat system; makes delivery idempotent per channel.</summary>
public sealed class OutboxDelivery
{
    public long OutboxId { get; set; }
    public string Channel { get; set; } = "";
    public DateTimeOffset DeliveredAt { get; set; }
}

/// <summary>An inbound event already handled (Slack <c>event_id</c>, Teams activity id), for de-duplication.</summary>
public sealed class ProcessedEvent
{
    public string Key { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A stored conversation reference for proactive posts (Teams needs serviceUrl + conversation + tenant).</summary>
public sealed class ConversationReference
{
    public string Channel { get; set; } = "";

    /// <summary>The key it is found by: a person id, <c>announce</c>, a conversation id.</summary>
    public string Key { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string? ServiceUrl { get; set; }
    public string? TenantId { get; set; }

    /// <summary>Set when the chat system refused writes there (the user removed the bot).</summary>
    public bool Unreachable { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
