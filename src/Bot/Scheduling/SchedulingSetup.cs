using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Scheduling;

/// <summary>Registers the timer tick and its background loop.</summary>
internal static class SchedulingSetup
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration("Scheduling").ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        services.AddSingleton<TimerTick>();
        services.AddHostedService<TimerService>();
        return services;
    }
}
