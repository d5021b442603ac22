using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// Checks the bearer token of an inbound activity: RS256 signature by a key from the OpenID metadata
/// (cached, refreshed twice a day and on an unknown key id), issuer, audience = App ID, lifetime with
/// skew, the <c>serviceurl</c> claim against the activity's serviceUrl, and the signing key's endorsements
/// against the activity's channelId (a Bot Framework key lists the channels it may sign for, e.g. msteams).
/// </summary>
internal sealed class TeamsTokenValidator
{
    public const string HttpClientName = "teams-openid";
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _botFramework;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _entra;
    private readonly JsonWebTokenHandler _handler = new();

    public TeamsTokenValidator(IOptions<TeamsOptions> options, IHttpClientFactory http, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _botFramework = Metadata(_options.OpenIdMetadataUrl, http);
        _entra = _options.EntraMetadata() is { } entra ? Metadata(entra, http) : null;
    }

    public async Task<TokenCheck> ValidateAsync(string? authorization, string? serviceUrl, string? channelId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return TokenCheck.Refused("no bearer token");
        var token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
            return TokenCheck.Refused("not a JWT");

        var parameters = Parameters(token);
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
            return TokenCheck.Refused(result.Exception?.GetType().Name ?? "invalid token");

        result.Claims.TryGetValue("serviceurl", out var claimed);
        if (!TeamsIds.SameServiceUrl(claimed as string, serviceUrl))
            return TokenCheck.Forbidden("the serviceurl claim does not match the activity's serviceUrl");
        if (!await EndorsedAsync((ConfigurationManager<OpenIdConnectConfiguration>)parameters.ConfigurationManager, new JsonWebToken(token).Kid, channelId, ct))
            return TokenCheck.Forbidden("the signing key is not endorsed for the activity's channel");
        return TokenCheck.Accepted;
    }

    /// <summary>
    /// A key that lists endorsements may sign only for those channels; a key without any (Entra's) is not limited.
    /// </summary>
    private static async Task<bool> EndorsedAsync(ConfigurationManager<OpenIdConnectConfiguration> metadata, string? keyId, string? channelId, CancellationToken ct)
    {
        var configuration = await metadata.GetConfigurationAsync(ct);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var listed))
            return true;
        return !string.IsNullOrEmpty(channelId) && Endorsements(listed).Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Endorsements(object? listed) => listed switch
    {
        string one => [one],
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array =>
            array.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!),
        System.Collections.IEnumerable many => many.Cast<object?>().Select(e => e?.ToString()).OfType<string>(),
        _ => [],
    };

    private TokenValidationParameters Parameters(string token)
    {
        var issuer = new JsonWebToken(token).Issuer;
        var entraIssued = _entra is not null && !string.Equals(issuer, TeamsOptions.BotFrameworkIssuer, StringComparison.Ordinal)
            && _options.Issuers().Contains(issuer, StringComparer.Ordinal);
        return new TokenValidationParameters
        {
            // Entra-issued tokens of a single-tenant bot are signed by the tenant's keys, not the Bot Framework's.
            ConfigurationManager = entraIssued ? _entra : _botFramework,
            ValidIssuers = _options.Issuers(),
            ValidateIssuer = true,
            ValidAudience = _options.AppId,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = _options.ClockSkew,
            LifetimeValidator = (notBefore, expires, _, p) => WithinLifetime(notBefore, expires, p.ClockSkew),
        };
    }

    private bool WithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + skew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - skew);
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> Metadata(string url, IHttpClientFactory http) =>
        new(url, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(http.CreateClient(HttpClientName))
        {
            RequireHttps = !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback,
        })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
}

/// <summary>The outcome of a token check: accepted, or refused with an HTTP status and a reason safe to log.</summary>
internal sealed record TokenCheck(bool Ok, int Status, string Reason)
{
    public static TokenCheck Accepted { get; } = new(true, 200, "");

    public static TokenCheck Refused(string reason) => new(false, 401, reason);

    public static TokenCheck Forbidden(string reason) => new(false, 403, reason);
}
