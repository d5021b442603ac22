using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Delivery;

/// <summary>The thin loop around <see cref="OutboxDispatcher"/>: one round per poll interval.</summary>
internal sealed class OutboxDispatchService(OutboxDispatcher dispatcher, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<OutboxDispatchService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background)
            return;
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // One bad round must not stop delivery for good; the next tick tries again.
                log.LogError(ex, "Outbox round failed");
            }
        }
    }
}
