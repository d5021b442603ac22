using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Scheduling;

/// <summary>The thin loop around <see cref="TimerTick"/>. Its first tick catches up on timers that fell due while the host was down.</summary>
internal sealed class TimerService(TimerTick tick, IOptions<SchedulingOptions> options, TimeProvider time, ILogger<TimerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background)
            return;
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        do
        {
            try
            {
                await tick.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Timer tick failed; the next tick tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
