using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>
/// Registers the alert endpoint's own pieces: its options and the token look-up. Intake itself
/// (<see cref="Workflow.Alerts.IAlertIntake"/>) belongs to the workflow and is registered with it.
/// </summary>
internal static class AlertsSetup
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>();
        services.AddSingleton<AlertTokens>();
        return services;
    }
}
