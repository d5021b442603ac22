using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>
/// Stops start-up on an unusable <c>Alerts</c> setting. Below 4 KiB not even one Alertmanager notification fits; above
/// 64 MiB one sender could hold that much memory per request.
/// </summary>
internal sealed class AlertsOptionsValidator : IValidateOptions<AlertsOptions>
{
    public const int Smallest = 4 * 1024;
    public const int Largest = 64 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, AlertsOptions options) =>
        SettingRange.Within("Alerts:MaxBodyBytes", options.MaxBodyBytes, Smallest, Largest) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
