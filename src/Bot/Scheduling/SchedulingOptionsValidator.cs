using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Scheduling;

/// <summary>
/// Stops start-up on an unusable <c>Scheduling</c> setting. The tick must be short enough to keep timers inside the 1 s
/// lateness budget give or take, and above zero (a zero period cannot drive a timer at all); the lease must outlast
/// a tick's work so another replica does not take a timer that is still being fired.
/// </summary>
internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options) =>
        SettingRange.First(
            SettingRange.Within("Scheduling:TickInterval", options.TickInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1)),
            SettingRange.Within("Scheduling:BatchSize", options.BatchSize, 1, 10_000),
            SettingRange.Within("Scheduling:Lease", options.Lease, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1))) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
