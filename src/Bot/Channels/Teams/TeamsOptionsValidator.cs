using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>Stops start-up with a sentence a person can act on when a Teams setting is unusable.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.Enabled)
            return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (!Guid.TryParse(options.AppId, out _))
            failures.Add("Teams:AppId must be the Azure Bot's Microsoft App ID, a GUID such as 00000000-0000-0000-0000-000000000000.");
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out _))
            failures.Add("Teams:OpenIdMetadataUrl must be an absolute URL (default https://login.botframework.com/v1/.well-known/openidconfiguration).");
        if (!Uri.TryCreate(options.TokenUrl(), UriKind.Absolute, out _))
            failures.Add("Teams:TokenEndpoint must be an absolute URL (default https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token).");
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
            failures.Add("Teams:ClockSkew must be between 00:00:00 and 00:10:00.");
        if (options.Issuers().Count == 0)
            failures.Add("Teams:AcceptedIssuers must name at least one issuer, e.g. https://api.botframework.com.");
        if (options.SendAttempts is < 1 or > 10)
            failures.Add("Teams:SendAttempts must be between 1 and 10.");
        if (options.FirstBackoff < TimeSpan.Zero)
            failures.Add("Teams:FirstBackoff may not be negative.");
        if (options.CallBudget <= TimeSpan.Zero || options.CallBudget > TimeSpan.FromSeconds(15))
            failures.Add("Teams:CallBudget must be more than 0 and at most 00:00:15: Teams stops waiting for the bot after 15 seconds.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
