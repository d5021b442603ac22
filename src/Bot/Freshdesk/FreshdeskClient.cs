using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Http;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>
/// Freshdesk API v2 over plain <see cref="HttpClient"/>: fetch a ticket, add a private note, reply. Each call is sent
/// once from here: the interactive instance's HTTP client retries within its budget, the write-back retries its notes
/// later (see <see cref="InteractiveRetry"/>). A 429 comes back with its <see cref="FreshdeskException.RetryAfter"/>.
/// Slows down while <c>X-Ratelimit-Remaining</c> is low. Waits run on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class FreshdeskClient(IHttpClientFactory clients, string httpClientName, IOptions<FreshdeskOptions> options, TimeProvider time, ILogger<FreshdeskClient> log)
{
    /// <summary>The HTTP client of the note write-back: one attempt per round.</summary>
    public const string HttpClientName = "freshdesk";

    /// <summary>The HTTP client of ticket refetches a command or a webhook waits on: retried within <see cref="FreshdeskOptions.CallBudget"/>.</summary>
    public const string InteractiveHttpClientName = "freshdesk-interactive";
    private int _remaining = int.MaxValue;

    private FreshdeskOptions Options => options.Value;

    /// <summary>The ticket as Freshdesk has it now, or null when Freshdesk has no such ticket (404).</summary>
    public async Task<TicketSnapshot?> GetTicketAsync(long ticketId, CancellationToken ct)
    {
        var text = await SendAsync(HttpMethod.Get, $"tickets/{ticketId}?include=requester,stats", null, $"GET ticket #{ticketId}", ct);
        return text is null ? null : FreshdeskJson.ReadTicket(text);
    }

    /// <summary>Adds a note (private unless said otherwise): plain text, escaped, its line breaks kept. Throws when Freshdesk has no such ticket.</summary>
    public Task AddNoteAsync(long ticketId, string body, bool isPrivate, CancellationToken ct) =>
        RequireAsync(HttpMethod.Post, $"tickets/{ticketId}/notes", new JsonObject { ["body"] = FreshdeskHtml.FromText(body), ["private"] = isPrivate }, $"note on ticket #{ticketId}", ct);

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
        if (Volatile.Read(ref _remaining) <= Options.LowRemaining)
            await Task.Delay(Options.LowRemainingPause, time, ct); // spread the last calls of the minute
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(Options.BaseUri, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.ApiKey}:X")));
            if (body is not null)
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            response = await clients.CreateClient(httpClientName).SendAsync(request, ct);
        }
        catch (Exception ex) when (InteractiveRetry.IsNoAnswer(ex, ct))
        {
            log.LogWarning("Freshdesk {What}: no answer ({Kind})", what, ex.GetType().Name);
            throw new FreshdeskException($"Freshdesk {what}: unreachable", transient: true, inner: ex);
        }

        using (response)
        {
            NoteRemaining(response);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return await response.Content.ReadAsStringAsync(ct);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    log.LogWarning("Freshdesk {What}: not found (HTTP 404)", what);
                    return null;
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    log.LogError("Freshdesk {What}: refused with HTTP {Status}; check Freshdesk:ApiKey and the agent's permissions", what, status);
                    throw new FreshdeskException($"Freshdesk {what}: refused (HTTP {status})", transient: false);
                case HttpStatusCode.TooManyRequests:
                    var wait = InteractiveRetry.RetryAfter(response, time) ?? TimeSpan.FromSeconds(60);
                    log.LogWarning("Freshdesk {What}: rate-limited, retry after {RetryAfter}", what, wait);
                    throw new FreshdeskException($"Freshdesk {what}: rate-limited (HTTP 429)", transient: true, wait);
                case var _ when status >= 500:
                    log.LogWarning("Freshdesk {What}: HTTP {Status}", what, status);
                    throw new FreshdeskException($"Freshdesk {what}: HTTP {status}", transient: true);
                default:
                    log.LogError("Freshdesk {What}: HTTP {Status}", what, status);
                    throw new FreshdeskException($"Freshdesk {what}: HTTP {status}", transient: false);
            }
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
}
