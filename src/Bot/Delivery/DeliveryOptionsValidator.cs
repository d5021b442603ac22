using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Delivery;

/// <summary>
/// Stops start-up on an unusable <c>Delivery</c> setting: a zero poll interval cannot drive the outbox loop, a zero batch
/// or parallelism delivers nothing, and a longest back-off below the first one makes no sense.
/// </summary>
internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options) =>
        SettingRange.First(
            SettingRange.Within("Delivery:PollInterval", options.PollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1)),
            SettingRange.Within("Delivery:BatchSize", options.BatchSize, 1, 10_000),
            SettingRange.Within("Delivery:StormThreshold", options.StormThreshold, 1, 1_000),
            SettingRange.Within("Delivery:MaxAttempts", options.MaxAttempts, 1, 100),
            SettingRange.Within("Delivery:FirstBackoff", options.FirstBackoff, TimeSpan.Zero, TimeSpan.FromHours(1)),
            SettingRange.Within("Delivery:MaxBackoff", options.MaxBackoff, options.FirstBackoff, TimeSpan.FromDays(1)),
            SettingRange.Within("Delivery:ConversationsInParallel", options.ConversationsInParallel, 1, 64)) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
