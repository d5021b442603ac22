using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Http;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// The Bot Connector REST API against a conversation's serviceUrl: post, reply in thread, update in place,
/// create a 1:1 chat. Sends are paced per conversation and go out once from here: the interactive instance's HTTP
/// client retries 429, 412 and 5xx within its budget, the outbox retries its own deliveries later
/// (see <see cref="InteractiveRetry"/>). A throttled send comes back as a transient failure with its Retry-After.
/// </summary>
internal sealed class BotConnectorClient(
    IHttpClientFactory http,
    string httpClientName,
    ConnectorTokenProvider tokens,
    TeamsPacer pacer,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotConnectorClient> log)
{
    /// <summary>The HTTP client of outbox deliveries: one attempt per round.</summary>
    public const string HttpClientName = "teams-connector";

    /// <summary>The HTTP client of replies a person waits on: retried within <see cref="TeamsOptions.CallBudget"/>.</summary>
    public const string InteractiveHttpClientName = "teams-connector-interactive";

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
        if (pacingKey is not null)
            await pacer.WaitTurnAsync(pacingKey, ct);
        var (response, text) = await SendOnceAsync(method, uri, path, payload, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // A revoked or rotated token is not a transient failure: one fresh token, one more send.
            response.Dispose();
            tokens.Invalidate();
            (response, text) = await SendOnceAsync(method, uri, path, payload, ct);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
                return IdOf(text);
            if (!IsThrottled(response.StatusCode))
                throw Failure(method, path, response.StatusCode, text);
            log.LogDebug("Teams {Method} {Path} throttled (HTTP {Status})", method, Describe(path), (int)response.StatusCode);
            throw new ConnectorException($"{method} {Describe(path)}: HTTP {(int)response.StatusCode}", response.StatusCode, transient: true,
                InteractiveRetry.RetryAfter(response, time));
        }
    }

    private async Task<(HttpResponseMessage Response, string Text)> SendOnceAsync(HttpMethod method, Uri uri, string path, string payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct));
        try
        {
            var response = await http.CreateClient(httpClientName).SendAsync(request, ct);
            return (response, await response.Content.ReadAsStringAsync(ct));
        }
        catch (Exception ex) when (InteractiveRetry.IsNoAnswer(ex, ct))
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
