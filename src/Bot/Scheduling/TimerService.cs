using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Scheduling;

/// <summary>
/// The thin loop around <see cref="TimerTick"/>. Its first tick catches up on timers that fell due while the host was down.
/// On shutdown the timer being fired is finished and the rest of its batch is handed back (see <see cref="TimerTick"/>);
/// only when the host's shutdown timeout runs out is the firing itself cancelled.
/// </summary>
internal sealed class TimerService(TimerTick tick, IOptions<SchedulingOptions> options, TimeProvider time, ILogger<TimerService> log) : DrainingService
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
                await tick.RunOnceAsync(stoppingToken, Abandon);
            }
            catch (Exception ex) when (!Abandoned)
            {
                log.LogError(ex, "Timer tick failed; the next tick tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
