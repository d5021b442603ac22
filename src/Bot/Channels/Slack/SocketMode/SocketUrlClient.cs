using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Jivrus.IncidentBot.Bot.Http;
using Microsoft.Extensions.Options;
using static Jivrus.IncidentBot.Bot.Channels.Slack.SlackJson;

namespace Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c>: asks Slack, with the app-level token, for a fresh WebSocket address. Each address is
/// good for one connection. A failure is a <see cref="SlackApiException"/> carrying Slack's error code only: neither the
/// token nor the address (it holds a ticket) ever reaches a message or a log.
/// </summary>
internal sealed class SocketUrlClient(IHttpClientFactory clients, IOptions<SlackOptions> options, TimeProvider time)
{
    public const string HttpClientName = "slack-socket";

    private const string Method = "apps.connections.open";

    /// <summary>Codes that mean the token itself is wrong: waiting will not help, a person has to change it.</summary>
    private static readonly HashSet<string> TokenProblems =
        ["invalid_auth", "not_authed", "not_allowed_token_type", "token_revoked", "token_expired", "account_inactive", "missing_scope"];

    public async Task<Uri> OpenAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBase, Method))
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AppToken);
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            throw new SlackApiException(Method, "ratelimited", transient: true, InteractiveRetry.RetryAfter(response, time));
        if (!response.IsSuccessStatusCode)
            throw new SlackApiException(Method, $"http_{(int)response.StatusCode}", transient: true);

        using var reply = Parse(await response.Content.ReadAsStringAsync(ct));
        var root = reply?.RootElement ?? default;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
        {
            var error = Str(root, "error") ?? "invalid_reply";
            throw new SlackApiException(Method, error, transient: !TokenProblems.Contains(error));
        }

        if (!Uri.TryCreate(Str(root, "url"), UriKind.Absolute, out var url) || (url.Scheme != "wss" && url.Scheme != "ws"))
            throw new SlackApiException(Method, "invalid_url", transient: true);
        return url;
    }
}
