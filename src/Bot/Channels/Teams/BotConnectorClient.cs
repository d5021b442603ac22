using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// The Bot Connector REST API against a conversation's serviceUrl: post, reply in thread, update in place,
/// create a 1:1 chat. Sends are paced per conversation; 429, 412, 502 and 504 are retried with backoff and
/// jitter (honouring Retry-After) a few times before the failure goes back to the outbox as transient.
/// </summary>
internal sealed class BotConnectorClient(
    IHttpClientFactory http,
    ConnectorTokenProvider tokens,
    TeamsPacer pacer,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotConnectorClient> log)
{
    public const string HttpClientName = "teams-connector";

    /// <summary>Posts a new activity to a conversation; returns the new activity id.</summary>
    public Task<string> PostAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", conversationId, activity, ct);

    /// <summary>Replies to an activity (in a channel: in its thread); returns the new activity id.</summary>
    public Task<string> ReplyAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", conversationId,
            activity.WithReplyTo(activityId), ct);

    /// <summary>Replaces an activity the bot posted (the live card).</summary>
    public Task UpdateAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", conversationId,
            activity.WithId(activityId), ct);

    /// <summary>Opens (or finds) the bot's 1:1 chat with a user; returns the conversation id.</summary>
    public Task<string> CreateConversationAsync(string serviceUrl, string userId, string? tenantId, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = options.Value.BotId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["isGroup"] = false,
        };
        if (tenantId is not null)
        {
            body["tenantId"] = tenantId;
            body["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        }

        return SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", pacingKey: null, body, ct);
    }

    private async Task<string> SendAsync(HttpMethod method, string serviceUrl, string path, string? pacingKey, JsonObject body, CancellationToken ct)
    {
        var uri = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
        var payload = body.ToJsonString(TeamsJson.Options);
        var attempts = Math.Max(1, options.Value.SendAttempts);
        for (var attempt = 1; ; attempt++)
        {
            if (pacingKey is not null)
                await pacer.WaitTurnAsync(pacingKey, ct);
            using var request = new HttpRequestMessage(method, uri) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct));
            using var response = await SendOnceAsync(request, method, path, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
                return IdOf(text);

            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                tokens.Invalidate(); // a revoked or rotated token: one fresh try
                continue;
            }

            var retryAfter = RetryAfter(response);
            if (!IsThrottled(response.StatusCode))
                throw Failure(method, path, response.StatusCode, text);
            if (attempt >= attempts)
                throw new ConnectorException($"{method} {Describe(path)}: HTTP {(int)response.StatusCode} after {attempt} attempts", response.StatusCode, transient: true, retryAfter);

            var delay = retryAfter ?? Backoff(attempt);
            log.LogDebug("Teams {Method} {Path} throttled (HTTP {Status}); retry in {Delay}", method, Describe(path), (int)response.StatusCode, delay);
            await Task.Delay(delay, time, ct);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, HttpMethod method, string path, CancellationToken ct)
    {
        try
        {
            return await http.CreateClient(HttpClientName).SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException($"{method} {Describe(path)}: connector unreachable", null, transient: true, inner: ex);
        }
    }

    private static bool IsThrottled(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    private static ConnectorException Failure(HttpMethod method, string path, HttpStatusCode status, string body)
    {
        var blocked = status == HttpStatusCode.Forbidden && body.Contains("MessageWritesBlocked", StringComparison.OrdinalIgnoreCase);
        var transient = (int)status >= 500;
        var what = blocked ? "MessageWritesBlocked" : $"HTTP {(int)status}";
        return new ConnectorException($"{method} {Describe(path)}: {what}", status, transient, writesBlocked: blocked);
    }

    private TimeSpan Backoff(int attempt)
    {
        var first = options.Value.FirstBackoff;
        var exponential = first * Math.Pow(2, attempt - 1);
        return exponential + (first * Random.Shared.NextDouble()); // jitter spreads replicas that were throttled together
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
            _ => null,
        };

    private static string IdOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return "";
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string Esc(string segment) => Uri.EscapeDataString(segment);

    /// <summary>The path without conversation ids, for logs.</summary>
    private static string Describe(string path) => path.StartsWith("v3/conversations/", StringComparison.Ordinal) ? "v3/conversations/…" : path;
}
