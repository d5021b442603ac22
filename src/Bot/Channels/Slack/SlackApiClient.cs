using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Http;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Slack's Web API over plain <see cref="HttpClient"/>. Each call is sent once from here: the interactive instance's
/// HTTP client retries within its budget, the outbox retries its own deliveries later (see <see cref="InteractiveRetry"/>).
/// A failure surfaces as <see cref="SlackApiException"/>, with Slack's <c>Retry-After</c> when it sent one.
/// </summary>
internal sealed partial class SlackApiClient(
    IHttpClientFactory clients,
    string httpClientName,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackApiClient> log)
{
    /// <summary>The HTTP client of outbox deliveries: one attempt per round.</summary>
    public const string HttpClientName = "slack";

    /// <summary>The HTTP client of calls a person waits on: retried within <see cref="SlackOptions.CallBudget"/>.</summary>
    public const string InteractiveHttpClientName = "slack-interactive";

    /// <summary>Slack codes that mean "try again later" even though they arrive with HTTP 200.</summary>
    private static readonly HashSet<string> TransientCodes =
        ["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"];

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private SlackOptions Options => options.Value;

    /// <summary>Calls <paramref name="method"/>; returns the reply when <c>ok</c> is true.</summary>
    /// <param name="quiet">Error codes the caller expects and handles, so they are not logged as errors.</param>
    public async Task<JsonObject> CallAsync(string method, JsonObject body, CancellationToken ct, params string[] quiet) =>
        Checked(method, await SendAsync(method, new Uri(Options.ApiBase, method), body, withToken: true, ct), quiet);

    /// <summary>
    /// Shows a sentence to the person behind an interaction through its <c>response_url</c>, beside the original message
    /// (escaped like every other text the bot sends); those hooks need no token and answer plain text.
    /// </summary>
    public Task RespondAsync(Uri responseUrl, string text, CancellationToken ct) =>
        SendAsync("response_url", responseUrl, new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["replace_original"] = false,
            ["text"] = BlockKitRenderer.Escape(text),
        }, withToken: false, ct);

    /// <summary>Calls a read method that takes form fields rather than JSON (<c>users.info</c>); otherwise as <see cref="CallAsync"/>.</summary>
    public async Task<JsonObject> CallFormAsync(string method, IReadOnlyDictionary<string, string> fields, CancellationToken ct, params string[] quiet) =>
        Checked(method, await SendAsync(method, new Uri(Options.ApiBase, method), () => new FormUrlEncodedContent(fields), withToken: true, ct), quiet);

    /// <summary>The reply when <c>ok</c> is true; otherwise logs the error code (quietly when the caller expects it) and throws.</summary>
    private JsonObject Checked(string method, JsonObject reply, string[] quiet)
    {
        if (reply["ok"]?.GetValue<bool>() == true)
            return reply;
        var error = reply["error"]?.GetValue<string>() ?? "unknown_error";
        if (quiet.Contains(error))
            log.LogDebug("Slack {Method} answered {Error}", method, error);
        else
            log.LogError("Slack {Method} answered ok:false with {Error}", method, error);
        throw new SlackApiException(method, error, TransientCodes.Contains(error));
    }

    private Task<JsonObject> SendAsync(string method, Uri address, JsonObject body, bool withToken, CancellationToken ct)
    {
        var payload = body.ToJsonString();
        return SendAsync(method, address, () => new StringContent(payload, Encoding.UTF8) { Headers = { ContentType = Json } }, withToken, ct);
    }

    private async Task<JsonObject> SendAsync(string method, Uri address, Func<HttpContent> content, bool withToken, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = content() };
            if (withToken)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.BotToken);
            response = await clients.CreateClient(httpClientName).SendAsync(request, ct);
        }
        catch (Exception ex) when (InteractiveRetry.IsNoAnswer(ex, ct))
        {
            log.LogWarning("Slack {Method} failed to answer: {Kind}", method, ex.GetType().Name);
            throw new SlackApiException(method, "unreachable", transient: true, inner: ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return await ReadAsync(response, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = InteractiveRetry.RetryAfter(response, time) ?? TimeSpan.FromSeconds(1);
                log.LogWarning("Slack {Method} rate-limited; retry after {RetryAfter}", method, wait);
                throw new SlackApiException(method, "ratelimited", transient: true, wait);
            }

            if (status >= 500)
            {
                log.LogWarning("Slack {Method} answered HTTP {Status}", method, status);
                throw new SlackApiException(method, $"http_{status}", transient: true);
            }

            log.LogError("Slack {Method} answered HTTP {Status}", method, status);
            throw new SlackApiException(method, $"http_{status}", transient: false);
        }
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text) || text[0] != '{')
            return new JsonObject { ["ok"] = true }; // response_url hooks answer a bare "ok"
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["ok"] = false, ["error"] = "invalid_reply" };
        }
        catch (JsonException)
        {
            return new JsonObject { ["ok"] = false, ["error"] = "invalid_reply" };
        }
    }
}
