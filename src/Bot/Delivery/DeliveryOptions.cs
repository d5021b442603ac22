namespace Jivrus.IncidentBot.Bot.Delivery;

/// <summary>Outbox delivery settings (section <c>Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    /// <summary>How often the outbox is polled. Default 250 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Messages read per round. Default 200.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>More than this many posts waiting for one shared channel at once become a single digest. Default 5.</summary>
    public int StormThreshold { get; set; } = 5;

    /// <summary>Attempts before a failing message is given up (and logged). Default 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxBackoff"/>. Default 2 s.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest retry delay. Default 5 min.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Conversations delivered at once in one round. Default 8. Order within a conversation never depends on it;
    /// 1 makes the order across conversations repeatable (golden transcript tests).
    /// </summary>
    public int ConversationsInParallel { get; set; } = 8;

    /// <summary>False stops the background loop (tests flush with <see cref="OutboxDispatcher.RunOnceAsync"/>). Default true.</summary>
    public bool Background { get; set; } = true;
}
