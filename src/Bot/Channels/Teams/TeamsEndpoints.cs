using System.Text.Json;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary><c>POST /api/messages</c>: Bot Framework activities from Teams, verified before anything is read or stored.</summary>
internal static class TeamsEndpoints
{
    public const string Path = "/api/messages";
    private const int MaxBody = 256 * 1024;

    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Ok<JsonObject>, Ok, UnauthorizedHttpResult, StatusCodeHttpResult, ContentHttpResult>> HandleAsync(
        HttpRequest request,
        IOptions<TeamsOptions> options,
        TeamsTokenValidator validator,
        TeamsActivityHandler handler,
        ILoggerFactory logs,
        CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(TeamsEndpoints).FullName!);
        if (!options.Value.Enabled)
            return TypedResults.Text("Microsoft Teams is off: Teams:AppId and Teams:AppPassword are not set.", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);

        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(authorization))
        {
            log.LogWarning("Teams activity refused: no Authorization header");
            return TypedResults.Unauthorized();
        }

        // Read whole up to the cap, with or without a Content-Length, so a chunked body cannot run past it.
        if (await RequestBody.ReadAsync(request, MaxBody, ct) is not { } body)
            return TypedResults.Text($"Request body larger than {MaxBody} bytes.", "text/plain", statusCode: StatusCodes.Status413PayloadTooLarge);
        var activity = Parse(body);
        if (activity is null)
            return TypedResults.Text("The body is not a Bot Framework activity.", "text/plain", statusCode: StatusCodes.Status400BadRequest);

        var check = await validator.ValidateAsync(authorization, activity.ServiceUrl, activity.ChannelId, ct);
        if (!check.Ok)
        {
            log.LogWarning("Teams activity refused ({Status}): {Reason}", check.Status, check.Reason);
            return check.Status == StatusCodes.Status403Forbidden ? TypedResults.StatusCode(check.Status) : TypedResults.Unauthorized();
        }

        var invokeResponse = await handler.HandleAsync(activity, ct);
        return invokeResponse is null ? TypedResults.Ok() : TypedResults.Ok(invokeResponse);
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, TeamsJson.Options);
            return activity is { Type: not null, ServiceUrl: not null } ? activity : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
