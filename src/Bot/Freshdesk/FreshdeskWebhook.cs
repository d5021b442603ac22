using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>
/// <c>POST /freshdesk/webhook</c>. Freshdesk does not sign webhooks, so the request must carry the shared
/// secret in <c>X-Webhook-Secret</c>; the body is only trusted for the ticket id, and the ticket is refetched.
/// Observing the same ticket twice changes nothing, so Freshdesk's retries are harmless.
/// </summary>
internal static class FreshdeskWebhook
{
    public const string SecretHeader = "X-Webhook-Secret";
    private const int MaxBody = 64 * 1024;

    public static IEndpointRouteBuilder MapFreshdeskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/freshdesk/webhook", HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest http, IOptions<FreshdeskOptions> options, TicketSource tickets, ILoggerFactory logs, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled)
            return TypedResults.Text("Freshdesk is off on this IncidentBot: set Freshdesk:BaseUrl, Freshdesk:ApiKey and Freshdesk:WebhookSecret to turn it on.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        var log = logs.CreateLogger(typeof(FreshdeskWebhook).FullName!);
        if (!SecretMatches(http.Headers[SecretHeader].ToString(), settings.WebhookSecret!))
        {
            log.LogWarning("Freshdesk webhook refused: missing or wrong {Header}", SecretHeader);
            return TypedResults.Text("Missing or wrong X-Webhook-Secret.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (http.ContentLength > MaxBody)
            return TypedResults.Text("Body too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        using var reader = new StreamReader(http.Body, Encoding.UTF8);
        var buffer = new char[MaxBody + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (FreshdeskJson.WebhookTicketId(new string(buffer, 0, read)) is not { } ticketId)
            return TypedResults.Text("The body needs {\"ticket_id\": <number>}.", statusCode: StatusCodes.Status400BadRequest);

        try
        {
            var refresh = await tickets.RefreshAsync(ticketId, ct);
            return TypedResults.Text(refresh.Missing ? $"Freshdesk has no ticket #{ticketId}; ignored." : refresh.Result!.Message);
        }
        catch (FreshdeskException ex) when (ex.Transient)
        {
            // Freshdesk retries the webhook after 5, 30 and 60 minutes.
            log.LogWarning("Freshdesk webhook for ticket #{Ticket} deferred: {Error}", ticketId, ex.Message);
            return TypedResults.Text("Freshdesk could not be reached to read the ticket; try again later.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (FreshdeskException ex)
        {
            return TypedResults.Text($"Could not read ticket #{ticketId}: {ex.Message}", statusCode: StatusCodes.Status502BadGateway);
        }
    }

    // Hashing first gives both sides one length, so the comparison time says nothing about the secret.
    private static bool SecretMatches(string given, string expected) =>
        given.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
