using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Delivery;

/// <summary>
/// The thin loop around <see cref="OutboxDispatcher"/>: one round per poll interval. On shutdown it takes no new
/// round, but the round in progress runs to its end, so a batch half sent to the chat is not left for the next start
/// to send again; only when the host's shutdown timeout runs out is that round cancelled.
/// </summary>
internal sealed class OutboxDispatchService(OutboxDispatcher dispatcher, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<OutboxDispatchService> log)
    : DrainingService
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
                await dispatcher.RunOnceAsync(Abandon);
            }
            catch (Exception ex) when (!Abandoned)
            {
                // One bad round must not stop delivery for good; the next tick tries again.
                log.LogError(ex, "Outbox round failed");
            }
        }
    }
}
