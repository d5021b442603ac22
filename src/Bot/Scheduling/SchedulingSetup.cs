namespace Jivrus.IncidentBot.Bot.Scheduling;

/// <summary>Registers the timer tick and its background loop.</summary>
internal static class SchedulingSetup
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration("Scheduling");
        services.AddSingleton<TimerTick>();
        services.AddHostedService<TimerService>();
        return services;
    }
}
