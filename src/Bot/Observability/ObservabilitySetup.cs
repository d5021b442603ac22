using System.Diagnostics.Metrics;
using System.Reflection;
using Jivrus.IncidentBot.Bot.Hosting;
using Jivrus.IncidentBot.Workflow.Observability;
using Microsoft.Extensions.Http;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Jivrus.IncidentBot.Bot.Observability;

/// <summary>
/// Metrics (Prometheus text on <c>/metrics</c>), traces (OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), the
/// readiness checks behind <c>/readyz</c>, and the console log format (<c>Logging:Format</c>).
/// </summary>
internal static class ObservabilitySetup
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        UseLogFormat(builder);
        var services = builder.Services;
        services.AddSingleton(sp => new WorkflowMetrics(sp.GetRequiredService<IMeterFactory>().Create(WorkflowMetrics.MeterName)));
        services.AddSingleton<BacklogProbe>();
        services.AddSingleton<BacklogCache>();
        services.AddSingleton(sp => new BotMetrics(sp.GetRequiredService<WorkflowMetrics>(), sp.GetRequiredService<BacklogCache>()));
        services.AddSingleton<IHttpMessageHandlerBuilderFilter, ChatApiCallFilter>();
        // HttpClient logging at Trace writes request headers, and the chat tokens and the Freshdesk key are in them. The
        // framework redacts every header by default; said here so the policy does not hang on a default.
        services.ConfigureHttpClientDefaults(client => client.RedactLoggedHeaders(_ => true));

        services.AddOptions<ReadinessOptions>().BindConfiguration(ReadinessOptions.Section)
            .Validate(o => o.OutboxMaxAge > TimeSpan.Zero && o.TimerMaxLateness > TimeSpan.Zero,
                "Readiness:OutboxMaxAge and Readiness:TimerMaxLateness must be positive time spans such as 00:10:00.")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", timeout: CheckTimeout)
            .AddCheck<PlanCheck>("plan", timeout: CheckTimeout)
            .AddCheck<OutboxCheck>("outbox", timeout: CheckTimeout)
            .AddCheck<TimersCheck>("timers", timeout: CheckTimeout);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("incidentbot", serviceVersion: Version()))
            .WithMetrics(metrics => metrics
                .AddMeter(WorkflowMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(Telemetry.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>Serves the metrics as Prometheus text exposition on <c>GET /metrics</c>.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary><c>Logging:Format</c>: <c>text</c> (the default) or <c>json</c>, one JSON object per line for log shippers.</summary>
    private static void UseLogFormat(WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"];
        if (string.IsNullOrWhiteSpace(format) || format.Equals("text", StringComparison.OrdinalIgnoreCase))
            return;
        if (!format.Equals("json", StringComparison.OrdinalIgnoreCase))
            throw new StartupException($"Logging:Format '{format}' is not one of text, json.");
        builder.Logging.AddJsonConsole(json => json.JsonWriterOptions = new() { Indented = false });
    }

    // Probes and scrapes every few seconds would drown the traces of real requests.
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");

    private static string Version() =>
        typeof(ObservabilitySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
