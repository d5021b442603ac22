using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>
/// Stops start-up on an unusable <c>Freshdesk</c> setting. The call budget stays within Slack's 3 s, since a
/// <c>/ticket</c> command waits on it; the secrets are never part of a sentence.
/// </summary>
internal sealed class FreshdeskOptionsValidator : IValidateOptions<FreshdeskOptions>
{
    public ValidateOptionsResult Validate(string? name, FreshdeskOptions options) =>
        SettingRange.First(
            BaseUrl(options.BaseUrl),
            SettingRange.Within("Freshdesk:MaxAttempts", options.MaxAttempts, 1, 10),
            SettingRange.Within("Freshdesk:RetryBaseDelay", options.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromSeconds(10)),
            SettingRange.Within("Freshdesk:CallBudget", options.CallBudget, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3)),
            SettingRange.Within("Freshdesk:LowRemaining", options.LowRemaining, 0, 1_000),
            SettingRange.Within("Freshdesk:LowRemainingPause", options.LowRemainingPause, TimeSpan.Zero, TimeSpan.FromMinutes(1)),
            SettingRange.Within("Freshdesk:RequestTimeout", options.RequestTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)),
            SettingRange.Within("Freshdesk:NoteMaxAttempts", options.NoteMaxAttempts, 1, 100)) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;

    private static string? BaseUrl(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            ? null
            : $"Freshdesk:BaseUrl must be an absolute http(s) address such as https://yourcompany.freshdesk.com/api/v2/; it is '{value}'.";
}
