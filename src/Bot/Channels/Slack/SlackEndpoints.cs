using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// <c>/slack/commands</c>, <c>/slack/interactions</c>, <c>/slack/events</c>. Every request is size-capped and
/// signature-checked on its raw body before anything parses it; a refused request changes nothing.
/// </summary>
internal static class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/slack").DisableAntiforgery();
        slack.MapPost("/commands", (HttpRequest http, SlackCommands commands, CancellationToken ct) =>
            VerifiedAsync(http, (request, c) => commands.HandleAsync(request, c), ct));
        slack.MapPost("/interactions", (HttpRequest http, SlackInteractions interactions, CancellationToken ct) =>
            VerifiedAsync(http, (request, c) => interactions.HandleAsync(request, c), ct));
        slack.MapPost("/events", (HttpRequest http, SlackEvents events, CancellationToken ct) =>
            VerifiedAsync(http, (request, c) => events.HandleAsync(request, http.Headers["X-Slack-Retry-Num"].ToString() is { Length: > 0 } n ? n : null, c), ct));
        return app;
    }

    private static async Task<IResult> VerifiedAsync(HttpRequest http, Func<SlackRequest, CancellationToken, Task<IResult>> handle, CancellationToken ct)
    {
        var services = http.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.Enabled)
            return TypedResults.Text(
                "Slack is off on this IncidentBot: set Slack:SigningSecret and Slack:BotToken to turn it on.",
                statusCode: StatusCodes.Status503ServiceUnavailable);

        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
        var (request, refusal) = await SlackRequest.ReadAsync(http, options, services.GetRequiredService<TimeProvider>(), log, ct);
        return refusal ?? await handle(request!, ct);
    }
}
