using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Links;

/// <summary>Stops start-up on an unusable link setting; the signing key's length is told, never the key.</summary>
internal sealed class LinkOptionsValidator : IValidateOptions<LinkOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkOptions options) =>
        SettingRange.First(
            Key(options.SigningKey),
            SettingRange.Within("Links:Lifetime", options.Lifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(366)),
            BaseUrl(options.PublicBaseUrl)) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;

    private static string? Key(string? key) =>
        string.IsNullOrEmpty(key) || key.Length >= LinkOptions.MinKeyLength
            ? null
            : $"Links:SigningKey is too short ({key.Length} characters); use at least {LinkOptions.MinKeyLength} random characters "
              + "(for example the output of `openssl rand -hex 32`), or remove it and the bot keeps a generated key in its database.";

    private static string? BaseUrl(string? value) =>
        string.IsNullOrWhiteSpace(value) || PublicBaseUrl.Absolute(value) is not null
            ? null
            : $"Bot:PublicBaseUrl must be an absolute http(s) address without a query, such as https://incidentbot.example.com/; it is '{value}'.";
}
