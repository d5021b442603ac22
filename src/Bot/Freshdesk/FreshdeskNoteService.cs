using Jivrus.IncidentBot.Bot.Delivery;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>The thin loop around <see cref="FreshdeskNoteSender"/>; runs with the outbox (<c>Delivery:Background</c>).</summary>
internal sealed class FreshdeskNoteService(FreshdeskNoteSender sender, IOptions<DeliveryOptions> delivery, IOptions<FreshdeskOptions> options, TimeProvider time, ILogger<FreshdeskNoteService> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!delivery.Value.Background || !options.Value.Enabled)
            return;
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sender.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Freshdesk note round failed");
            }
        }
    }
}
