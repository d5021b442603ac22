using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Http;

namespace Jivrus.IncidentBot.Bot.Observability;

/// <summary>
/// Counts every HTTP call to a chat API as it leaves the host, innermost in each client's pipeline so every retry
/// counts: <c>ok</c>, <c>rate_limited</c> (HTTP 429, or Slack's <c>ratelimited</c>) or <c>error</c> (any other failure,
/// Slack's <c>ok:false</c> answers included).
/// </summary>
internal sealed class ChatApiCallHandler(string service, BotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.ChatCall(service, "error");
            throw;
        }

        metrics.ChatCall(service, await ResultOfAsync(response, cancellationToken));
        return response;
    }

    private async Task<string> ResultOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return "rate_limited";
        if (!response.IsSuccessStatusCode)
            return "error";
        if (service != "slack" || response.Content.Headers.ContentType?.MediaType != "application/json")
            return "ok";

        // Slack answers its errors with HTTP 200 and ok:false; the body is small and buffered for the client to read again.
        await response.Content.LoadIntoBufferAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.False)
                return "ok";
            return root.TryGetProperty("error", out var error) && error.ValueEquals("ratelimited") ? "rate_limited" : "error";
        }
        catch (JsonException)
        {
            return "error";
        }
    }
}

/// <summary>Adds <see cref="ChatApiCallHandler"/> last (nearest the network) to every HTTP client of a chat service.</summary>
internal sealed class ChatApiCallFilter(BotMetrics metrics) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (ServiceOf(builder.Name) is { } service)
            builder.AdditionalHandlers.Add(new ChatApiCallHandler(service, metrics));
    };

    /// <summary>The service label of a named HTTP client: slack, teams or freshdesk; null for any other client.</summary>
    internal static string? ServiceOf(string? clientName) => clientName switch
    {
        null => null,
        _ when clientName.StartsWith("slack", StringComparison.Ordinal) => "slack",
        _ when clientName.StartsWith("teams", StringComparison.Ordinal) => "teams",
        _ when clientName.StartsWith("freshdesk", StringComparison.Ordinal) => "freshdesk",
        _ => null,
    };
}
