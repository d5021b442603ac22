using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts;

/// <summary>
/// The real host with the default plan plus an <c>alerts:</c> section (prometheus, grafana, backups with tokens;
/// unconfigured without one), a 4 KiB body cap, every log line kept, and a recording intake in place of the workflow's.
/// </summary>
internal sealed class AlertHost : BotHost
{
    public const string PrometheusToken = "prom-S3CRET-token-7d1e";
    public const string GrafanaToken = "grafana-S3CRET-token-2b9a";
    public const string EventsToken = "events-token-5f2c"; // the routing_key of the recorded events
    public const int Cap = 4096;

    private readonly string _folder;

    public AlertHost()
        : this(Directory.CreateTempSubdirectory("alert-host-").FullName)
    {
    }

    private AlertHost(string folder)
        : base("alerts", settings:
        [
            ("ResponsePlan:Path", WritePlan(folder)),
            ("Alerts:Sources:prometheus:Token", PrometheusToken),
            ("Alerts:Sources:grafana:Token", GrafanaToken),
            ("Alerts:Sources:backups:Token", EventsToken),
            ("Alerts:MaxBodyBytes", "4096"),
        ])
    {
        _folder = folder;
    }

    public RecordingIntake Intake { get; } = new();

    public LogRecorder Logs { get; } = new();

    /// <summary>Posts <paramref name="body"/> to <c>/alerts/{source}</c>, with <c>Authorization: Bearer</c> when a token is given.</summary>
    public Task<HttpResponseMessage> PostAsync(string source, string body, string? token = null) =>
        PostAsync(source, new StringContent(body, Encoding.UTF8, "application/json"), token);

    public async Task<HttpResponseMessage> PostAsync(string source, HttpContent content, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/alerts/{source}") { Content = content };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await CreateClient().SendAsync(request);
    }

    protected override void ReplaceServices(IServiceCollection services)
    {
        services.RemoveAll<IAlertIntake>();
        services.AddSingleton<IAlertIntake>(Intake);
        services.AddSingleton<ILoggerProvider>(Logs);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static string WritePlan(string folder)
    {
        var plan = Path.Combine(folder, "plan.yaml");
        File.WriteAllText(plan, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plan.default.yaml")) + """

            alerts:
              - source: prometheus
                kind: alertmanager
                severity: { label: severity, map: { critical: sev1, warning: sev3 }, default: sev3 }
                autoResolve: true
              - source: grafana
                kind: grafana
              - source: backups
                kind: events
              - source: unconfigured
                kind: alertmanager

            """);
        return plan;
    }

    /// <summary>Keeps every batch; answers each group as opened on INC-7, INC-8, ... unless told to fail like a database that is down.</summary>
    public sealed class RecordingIntake : IAlertIntake
    {
        private readonly ConcurrentQueue<AlertBatch> _batches = new();

        public IReadOnlyList<AlertBatch> Batches => [.. _batches];

        public bool Fails { get; set; }

        public Task<AlertIntakeResult> IngestAsync(AlertBatch batch, CancellationToken ct = default)
        {
            if (Fails)
                throw new InvalidOperationException("The database is not answering.");
            _batches.Enqueue(batch);
            return Task.FromResult(new AlertIntakeResult([.. batch.Groups.Select((g, i) => new AlertGroupOutcome(g.Key, 7 + i, AlertEffect.Opened))]));
        }
    }
}
