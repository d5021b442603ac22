using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>
/// Freshdesk API v2 over plain <see cref="HttpClient"/>: fetch a ticket, add a private note, reply. Retries
/// 5xx and timeouts with doubling back-off and short 429s after their <c>Retry-After</c>; a longer 429 is
/// handed back (<see cref="FreshdeskException.RetryAfter"/>) so the caller's outbox waits instead of a thread.
/// Slows down while <c>X-Ratelimit-Remaining</c> is low. Waits run on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class FreshdeskClient(IHttpClientFactory clients, IOptions<FreshdeskOptions> options, TimeProvider time, ILogger<FreshdeskClient> log)
{
    public const string HttpClientName = "freshdesk";
    private int _remaining = int.MaxValue;

    private FreshdeskOptions Options => options.Value;

    /// <summary>The ticket as Freshdesk has it now, or null when Freshdesk has no such ticket (404).</summary>
    public async Task<TicketSnapshot?> GetTicketAsync(long ticketId, CancellationToken ct)
    {
        var text = await SendAsync(HttpMethod.Get, $"tickets/{ticketId}?include=requester,stats", null, $"GET ticket #{ticketId}", ct);
        return text is null ? null : FreshdeskJson.ReadTicket(text);
    }

    /// <summary>Adds a note (private unless said otherwise). Throws when Freshdesk has no such ticket.</summary>
    public Task AddNoteAsync(long ticketId, string body, bool isPrivate, CancellationToken ct) =>
        RequireAsync(HttpMethod.Post, $"tickets/{ticketId}/notes", new JsonObject { ["body"] = body, ["private"] = isPrivate }, $"note on ticket #{ticketId}", ct);

    /// <summary>Sends the public reply to the customer; <paramref name="text"/> is plain text, its line breaks kept.</summary>
    public Task ReplyAsync(long ticketId, string text, CancellationToken ct) =>
        RequireAsync(HttpMethod.Post, $"tickets/{ticketId}/reply", new JsonObject { ["body"] = FreshdeskHtml.FromText(text) }, $"reply on ticket #{ticketId}", ct);

    private async Task RequireAsync(HttpMethod method, string path, JsonObject body, string what, CancellationToken ct)
    {
        if (await SendAsync(method, path, body, what, ct) is null)
            throw new FreshdeskException($"Freshdesk {what}: the ticket does not exist (HTTP 404)", transient: false);
    }

    // Null means 404; everything else either returns the body or throws FreshdeskException.
    private async Task<string?> SendAsync(HttpMethod method, string path, JsonObject? body, string what, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (Volatile.Read(ref _remaining) <= Options.LowRemaining)
                await Task.Delay(Options.LowRemainingPause, time, ct); // spread the last calls of the minute
            TimeSpan wait;
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(Options.BaseUri, path));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.ApiKey}:X")));
                if (body is not null)
                    request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
                NoteRemaining(response);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    log.LogWarning("Freshdesk {What}: not found (HTTP 404)", what);
                    return null;
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    log.LogError("Freshdesk {What}: refused with HTTP {Status}; check Freshdesk:ApiKey and the agent's permissions", what, status);
                    throw new FreshdeskException($"Freshdesk {what}: refused (HTTP {status})", transient: false);
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    wait = RetryAfter(response) ?? TimeSpan.FromSeconds(60);
                    log.LogWarning("Freshdesk {What}: rate-limited, retry after {RetryAfter}", what, wait);
                    if (wait > Options.MaxInlineRetryAfter || attempt >= Options.MaxAttempts)
                        throw new FreshdeskException($"Freshdesk {what}: rate-limited (HTTP 429)", transient: true, wait);
                }
                else if (status >= 500)
                {
                    wait = Backoff(attempt);
                    log.LogWarning("Freshdesk {What}: HTTP {Status} (attempt {Attempt})", what, status, attempt);
                    if (attempt >= Options.MaxAttempts)
                        throw new FreshdeskException($"Freshdesk {what}: HTTP {status}", transient: true);
                }
                else
                {
                    log.LogError("Freshdesk {What}: HTTP {Status}", what, status);
                    throw new FreshdeskException($"Freshdesk {what}: HTTP {status}", transient: false);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                wait = Backoff(attempt);
                log.LogWarning("Freshdesk {What}: no answer ({Kind}, attempt {Attempt})", what, ex.GetType().Name, attempt);
                if (attempt >= Options.MaxAttempts)
                    throw new FreshdeskException($"Freshdesk {what}: unreachable", transient: true, inner: ex);
            }

            await Task.Delay(wait, time, ct);
        }
    }

    private void NoteRemaining(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-Ratelimit-Remaining", out var values) && int.TryParse(values.FirstOrDefault(), out var remaining))
        {
            if (remaining <= Options.LowRemaining && Volatile.Read(ref _remaining) > Options.LowRemaining)
                log.LogWarning("Freshdesk rate limit nearly used up ({Remaining} calls left this minute); slowing down", remaining);
            Volatile.Write(ref _remaining, remaining);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : null);

    private TimeSpan Backoff(int attempt) => Options.RetryBaseDelay * Math.Pow(2, attempt - 1);
}
