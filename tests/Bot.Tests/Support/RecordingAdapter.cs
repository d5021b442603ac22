using System.Collections.Concurrent;
using Jivrus.IncidentBot.Bot.Delivery;

namespace Jivrus.IncidentBot.Bot.Tests.Support;

/// <summary>A channel that keeps what it was given, so tests can read the bot's posts.</summary>
public sealed class RecordingAdapter : IChannelAdapter
{
    private readonly ConcurrentQueue<DeliveryRequest> _deliveries = new();

    public string Name => "recording";

    public bool Enabled => true;

    public IReadOnlyList<DeliveryRequest> Deliveries => _deliveries.ToArray();

    public Task DeliverAsync(DeliveryRequest delivery, CancellationToken cancellationToken)
    {
        _deliveries.Enqueue(delivery);
        return Task.CompletedTask;
    }
}
