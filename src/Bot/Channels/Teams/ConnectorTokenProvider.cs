using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// The bot's outbound access token (client credentials), cached until shortly before it expires so a
/// burst of sends costs one token request. The secret and the token are never logged.
/// </summary>
internal sealed class ConnectorTokenProvider(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider time, ILogger<ConnectorTokenProvider> log)
{
    public const string HttpClientName = "teams-token";
    private const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_cached is { } fresh && time.GetUtcNow() < fresh.RenewAt)
            return fresh.Token;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } raced && time.GetUtcNow() < raced.RenewAt)
                return raced.Token;
            var (token, lifetime) = await RequestAsync(ct);
            // Renew 5 minutes early, or halfway through a short-lived token.
            var early = lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2;
            _cached = (token, time.GetUtcNow() + early);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the cached token (the connector refused it).</summary>
    public void Invalidate() => _cached = null;

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(CancellationToken ct)
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId ?? "",
            ["client_secret"] = settings.AppPassword ?? "",
            ["scope"] = Scope,
        });
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient(HttpClientName).PostAsync(new Uri(settings.TokenUrl()), form, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException("Token endpoint unreachable.", null, transient: true, inner: ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                var error = ErrorCode(body);
                log.LogError("Teams token request refused: HTTP {Status} {Error}", (int)response.StatusCode, error);
                var transient = response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
                throw new ConnectorException($"Token request refused: HTTP {(int)response.StatusCode} {error}", response.StatusCode, transient);
            }

            using var json = JsonDocument.Parse(body);
            var token = json.RootElement.GetProperty("access_token").GetString()
                ?? throw new ConnectorException("Token response without access_token.", response.StatusCode, transient: true);
            var seconds = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 3600;
            return (token, TimeSpan.FromSeconds(Math.Max(seconds, 60)));
        }
    }

    /// <summary>Entra's error code (e.g. <c>invalid_client</c>); descriptions are left out of logs.</summary>
    private static string ErrorCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
