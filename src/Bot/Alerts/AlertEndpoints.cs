using System.Globalization;
using System.Text.Json;
using Jivrus.IncidentBot.Bot.Hosting;
using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Plan;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>
/// <c>POST /alerts/{source}</c>: a monitoring system's notification, checked (source in the plan, its bearer token,
/// the size cap, the kind's shape) before anything is filed, so every refusal (404, 401, 413, 400) changes nothing.
/// Intake failing (the database down) answers 503: Alertmanager, Grafana and Events API senders retry on it, and
/// intake is idempotent, so the alerts arrive once it is back.
/// </summary>
internal static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/alerts/{source}", HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        string source, HttpContext http, ResponsePlan plan, AlertTokens tokens, IOptions<AlertsOptions> options, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(AlertEndpoints).FullName!);
        if (plan.FindAlertSource(source) is not { } known)
            return Refuse(log, StatusCodes.Status404NotFound, AlertJson.Shown(source), UnknownSource(source, plan));
        if (tokens.For(known) is not { } token)
            return Unauthorized(http, log, known, $"No token is configured for alert source '{known.Id}': set {AlertTokens.Key(known)} on IncidentBot and send it as Authorization: Bearer <token>.");

        var bearer = Bearer(http.Request);
        var byHeader = AlertTokens.Matches(bearer, token);
        if (!byHeader && known.Kind != AlertKind.Events)
            return Unauthorized(http, log, known, bearer is null ? MissingToken(known) : WrongToken(known));

        var cap = options.Value.MaxBodyBytes;
        if (await RequestBody.ReadAsync(http.Request, cap, ct) is not { } body)
        {
            return Refuse(log, StatusCodes.Status413PayloadTooLarge, known.Id, string.Create(CultureInfo.InvariantCulture,
                $"The body is larger than {cap} bytes, the most Alerts:MaxBodyBytes allows; send fewer alerts per notification (in Alertmanager, max_alerts in the webhook receiver)."));
        }

        using var json = AlertJson.Parse(body);
        if (!byHeader && !AlertTokens.Matches(RoutingKey(json), token))
        {
            var given = bearer ?? RoutingKey(json);
            return Unauthorized(http, log, known, given is null ? MissingToken(known) : WrongToken(known));
        }

        var read = json is null ? AlertReaders.NotJson(known) : AlertReaders.Read(json.RootElement, known);
        if (read.Batch is not { } batch)
            return Refuse(log, StatusCodes.Status400BadRequest, known.Id, read.Problem!);

        var intake = http.RequestServices.GetRequiredService<IAlertIntake>();
        AlertIntakeResult result;
        try
        {
            result = await intake.IngestAsync(batch, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogError(ex, "Alerts from source {Source} could not be taken in; answered 503 so the sender retries", known.Id);
            return TypedResults.Text(
                "IncidentBot could not take these alerts in just now (its database did not answer); send them again, and none of them will be filed twice.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return known.Kind == AlertKind.Events ? AlertReply.EventProcessed(batch.Groups[0].Key) : AlertReply.Accepted(result);
    }

    private static string UnknownSource(string source, ResponsePlan plan) =>
        plan.Alerts.Count == 0
            ? $"No alert source '{AlertJson.Shown(source)}' in the response plan; the plan has no alerts: section, so no source may post alerts yet."
            : $"No alert source '{AlertJson.Shown(source)}' in the response plan; the plan's alerts: names {string.Join(", ", plan.Alerts.Select(a => a.Id))}.";

    private static string MissingToken(AlertSourcePlan source) => source.Kind == AlertKind.Events
        ? $"Alert source '{source.Id}' needs its token: send Authorization: Bearer <the value of {AlertTokens.Key(source)}>, or put it in the body's routing_key."
        : $"Alert source '{source.Id}' needs its token: send Authorization: Bearer <the value of {AlertTokens.Key(source)}>.";

    private static string WrongToken(AlertSourcePlan source) =>
        $"The token sent for alert source '{source.Id}' is not its {AlertTokens.Key(source)}; check the sender's configuration.";

    /// <summary>The bearer token of the Authorization header, or null when there is none.</summary>
    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header[Scheme.Length..].Trim() is { Length: > 0 } token ? token : null;
    }

    private static string? RoutingKey(JsonDocument? json) => json is null ? null : AlertJson.Text(json.RootElement, "routing_key");

    private static IResult Unauthorized(HttpContext http, ILogger log, AlertSourcePlan source, string sentence)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Refuse(log, StatusCodes.Status401Unauthorized, source.Id, sentence);
    }

    private static IResult Refuse(ILogger log, int status, string source, string sentence)
    {
        log.LogWarning("Alerts to /alerts/{Source} refused with {Status}: {Reason}", source, status, sentence);
        return TypedResults.Text(sentence, statusCode: status);
    }
}
