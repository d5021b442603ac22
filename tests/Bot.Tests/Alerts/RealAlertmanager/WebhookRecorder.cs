using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;

/// <summary>One request as it reached the receiver.</summary>
internal sealed record RecordedWebhook(string Method, string Path, string? Authorization, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Status => Json.GetProperty("status").GetString()!;

    public string GroupKey => Json.GetProperty("groupKey").GetString()!;

    public int AlertCount => Json.GetProperty("alerts").GetArrayLength();

    public override string ToString() => $"{Method} {Path} {Status} {GroupKey} ({AlertCount} alerts)";
}

/// <summary>
/// A webhook receiver on Kestrel at a free port of 127.0.0.1 that answers 200 and keeps every request, standing in for
/// the bot where a test checks what Alertmanager itself sends.
/// </summary>
internal sealed class WebhookRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedWebhook> _received = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrival = NewArrival();

    private WebhookRecorder(WebApplication app) => _app = app;

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<RecordedWebhook> Received
    {
        get
        {
            lock (_gate)
                return [.. _received];
        }
    }

    public static async Task<WebhookRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var recorder = new WebhookRecorder(builder.Build());
        recorder._app.Run(recorder.RecordAsync);
        await recorder._app.StartAsync();
        recorder.Address = new Uri(recorder._app.Urls.Single());
        return recorder;
    }

    /// <summary>
    /// Waits until what has arrived satisfies <paramref name="done"/>, and returns it; after <paramref name="timeout"/>
    /// fails saying what was awaited and what did arrive.
    /// </summary>
    public async Task<IReadOnlyList<RecordedWebhook>> WaitUntilAsync(
        Func<IReadOnlyList<RecordedWebhook>, bool> done, string awaited, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            Task arrival;
            IReadOnlyList<RecordedWebhook> received;
            lock (_gate)
            {
                received = [.. _received];
                arrival = _arrival.Task;
            }

            if (done(received))
                return received;
            try
            {
                await arrival.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"Waited {limit.TotalSeconds:0} s for {awaited}; {received.Count} webhooks arrived:\n{string.Join('\n', received)}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedWebhook(
            context.Request.Method, context.Request.Path.Value ?? "", context.Request.Headers.Authorization.FirstOrDefault(), body);
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _received.Add(request);
            arrived = _arrival;
            _arrival = NewArrival();
        }

        arrived.SetResult();
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static TaskCompletionSource NewArrival() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
