using System.Net;
using Jivrus.IncidentBot.Bot.Http;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// Microsoft Teams settings (section <c>Teams</c>). The channel is on when <see cref="AppId"/> and
/// <see cref="AppPassword"/> are both set. <see cref="ToString"/> never shows the password.
/// </summary>
internal sealed class TeamsOptions
{
    public const string Section = "Teams";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The Azure Bot's Microsoft App ID (a GUID); also the audience of inbound tokens. No default.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret of the App ID, used to get outbound tokens. No default; never logged.</summary>
    public string? AppPassword { get; set; }

    /// <summary>
    /// The Entra tenant of a single-tenant bot. When set, Entra-issued tokens of that tenant are accepted too and
    /// outbound tokens come from the tenant (unless <see cref="TokenEndpoint"/> names another tenant). Default none.
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>Where the signing keys of inbound tokens are published. Default: the Bot Framework's metadata.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Entra metadata for <see cref="TenantId"/>'s tokens. Default: derived from the tenant.</summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>Client-credentials token endpoint. Default: the botframework.com tenant's.</summary>
    public string TokenEndpoint { get; set; } = DefaultTokenEndpoint;

    /// <summary>Issuers accepted on inbound tokens (the tenant's Entra issuers are added). Default: the Bot Framework's.</summary>
    public string[] AcceptedIssuers { get; set; } = [BotFrameworkIssuer];

    /// <summary>Allowed clock difference when checking token lifetimes. Default 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Attempts per connector call made while a person waits (the reply to a message or a button) on 429, 412 and 5xx,
    /// the first included. Default 4. Outbox posts are sent once per round; the outbox retries them later.
    /// </summary>
    public int SendAttempts { get; set; } = 4;

    /// <summary>First backoff of such a call without Retry-After; doubles per attempt, plus jitter. Default 1 s.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest such a call may take, retries included, so the reply lands inside Teams' 15 s. A Retry-After
    /// longer than half of it is not waited for. Default 10 s.
    /// </summary>
    public TimeSpan CallBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The retry of calls a person waits on; Teams also uses 412 for throttling.</summary>
    public RetryPolicy InteractiveRetry => new(SendAttempts, FirstBackoff, CallBudget, [HttpStatusCode.PreconditionFailed]);

    private const string DefaultTokenEndpoint = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppPassword);

    /// <summary>The bot's own id in conversations it creates.</summary>
    public string BotId => $"28:{AppId}";

    public IReadOnlyList<string> Issuers()
    {
        var issuers = AcceptedIssuers.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (!string.IsNullOrWhiteSpace(TenantId))
        {
            issuers.Add($"https://login.microsoftonline.com/{TenantId}/v2.0");
            issuers.Add($"https://sts.windows.net/{TenantId}/");
        }

        return issuers.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Entra's metadata for the tenant, when the bot is single-tenant.</summary>
    public string? EntraMetadata() =>
        !string.IsNullOrWhiteSpace(EntraOpenIdMetadataUrl) ? EntraOpenIdMetadataUrl
        : string.IsNullOrWhiteSpace(TenantId) ? null
        : $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>A single-tenant bot gets its tokens from its own tenant unless another endpoint is configured.</summary>
    public string TokenUrl() =>
        !string.IsNullOrWhiteSpace(TenantId) && string.Equals(TokenEndpoint, DefaultTokenEndpoint, StringComparison.OrdinalIgnoreCase)
            ? $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token"
            : TokenEndpoint;

    public override string ToString() => $"Teams(AppId={AppId}, TenantId={TenantId ?? "-"}, AppPassword={(string.IsNullOrEmpty(AppPassword) ? "unset" : "set")})";
}
