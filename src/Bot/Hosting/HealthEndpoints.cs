using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// <c>/healthz</c>: the process answers (liveness). <c>/readyz</c>: the health checks <c>database</c>, <c>plan</c>,
/// <c>outbox</c> and <c>timers</c> (see Observability), answered as JSON naming each check with its status and a
/// sentence; 503 when any is unhealthy.
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions { ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary><c>{"status":"unhealthy","checks":[{"name":"outbox","status":"unhealthy","description":"..."}]}</c></summary>
    internal static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", Word(report.Status));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", Word(entry.Status));
            json.WriteString("description", entry.Description ?? Failed(entry));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Word(HealthStatus status) => status.ToString().ToLowerInvariant();

    // A check that threw (or ran out of time) has no sentence of its own; the exception's message may name hosts, so not it.
    private static string Failed(HealthReportEntry entry) =>
        entry.Exception is OperationCanceledException ? "The check did not answer in time." : $"The check failed ({entry.Exception?.GetType().Name ?? "no answer"}).";
}
