using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// <c>/slack/commands</c>, <c>/slack/interactions</c>, <c>/slack/events</c>. Every request is size-capped and
/// signature-checked on its raw body before anything parses it; a refused request changes nothing. The parsed body goes
/// to the same handler a Socket Mode envelope reaches (see <c>SocketMode/SocketEnvelopes</c>).
/// </summary>
internal static class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/slack").DisableAntiforgery();
        slack.MapPost("/commands", (HttpRequest http, SlackCommands commands, CancellationToken ct) =>
            VerifiedAsync(http, async (request, c) => (await commands.HandleAsync(SlashCommand.From(request.Form), c)).ToResult(), ct));
        slack.MapPost("/interactions", (HttpRequest http, SlackInteractions interactions, CancellationToken ct) =>
            VerifiedAsync(http, (request, c) => JsonAsync(request.Form["payload"], "The payload is not JSON.", p => interactions.HandleAsync(p, c)), ct));
        slack.MapPost("/events", (HttpRequest http, SlackEvents events, CancellationToken ct) =>
            VerifiedAsync(http, (request, c) => JsonAsync(request.Text, "The body is not JSON.", e => events.HandleAsync(e, RetryNumber(http), c)), ct));
        return app;
    }

    private static async Task<IResult> VerifiedAsync(HttpRequest http, Func<SlackRequest, CancellationToken, Task<IResult>> handle, CancellationToken ct)
    {
        var services = http.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.HttpEnabled)
            return TypedResults.Text(Off(options), statusCode: StatusCodes.Status503ServiceUnavailable);

        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
        var (request, refusal) = await SlackRequest.ReadAsync(http, options, services.GetRequiredService<TimeProvider>(), log, ct);
        return refusal ?? await handle(request!, ct);
    }

    private static async Task<IResult> JsonAsync(string text, string unreadable, Func<JsonElement, Task<SlackAnswer>> handle)
    {
        if (SlackJson.Parse(text) is not { } document)
            return TypedResults.BadRequest(unreadable);
        using (document)
            return (await handle(document.RootElement)).ToResult();
    }

    private static string? RetryNumber(HttpRequest http) =>
        http.Headers["X-Slack-Retry-Num"].ToString() is { Length: > 0 } n ? n : null;

    private static string Off(SlackOptions options) => options.SocketMode
        ? "Slack reaches this IncidentBot over Socket Mode; set Slack:SigningSecret to accept Slack's HTTP requests as well."
        : "Slack is off on this IncidentBot: set Slack:SigningSecret and Slack:BotToken (or Slack:AppToken and Slack:BotToken for Socket Mode) to turn it on.";
}
