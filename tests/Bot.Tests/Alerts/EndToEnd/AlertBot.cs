using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.EndToEnd;

/// <summary>
/// The whole bot as it runs in production, for alerts end to end: Kestrel at a free port of 127.0.0.1, a SQLite file in
/// a temp folder of its own, the outbox and timer loops running, the local chat on (its posts stand in for Slack and
/// Teams), and the shipped plan with level 1 paging Ana and Ben plus three alert sources: <c>prometheus</c>
/// (alertmanager), <c>grafana</c> and <c>uptime</c> (events), each resolving its incidents by itself.
/// </summary>
internal sealed class AlertBot : IAsyncDisposable
{
    public const string PrometheusToken = "prom-e2e-token-41c7";
    public const string GrafanaToken = "grafana-e2e-token-9d03";
    public const string UptimeRoutingKey = "uptime-e2e-routing-key-6a58";

    /// <summary>New groups of one source within a minute that page one by one; the next ones share a storm incident.</summary>
    public const int StormGroups = 10;

    /// <summary>Level 1 of the test plan: every new incident pages these two, once each.</summary>
    public static readonly string[] LevelOne = ["ana", "ben"];

    private readonly Host _host;
    private readonly string _folder;

    private AlertBot(Host host, string folder, Uri address)
    {
        _host = host;
        _folder = folder;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client of the bot's real port, as any sender on this machine would be.</summary>
    public HttpClient Http { get; }

    /// <summary>Every post the local chat has shown so far, oldest first.</summary>
    public IReadOnlyList<LocalPost> Posts => _host.Services.GetRequiredService<LocalFeed>().After(0);

    public static AlertBot Start()
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-alerts-e2e-").FullName;
        var host = new Host(folder);
        try
        {
            host.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            host.StartServer();
            var addresses = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new AlertBot(host, folder, new Uri(addresses.Single()));
        }
        catch
        {
            host.Dispose();
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>Where a source posts: <c>http://127.0.0.1:&lt;port&gt;/alerts/{source}</c>.</summary>
    public Uri AlertsUrl(string source) => new(Address, $"alerts/{source}");

    /// <summary>Posts a body to <c>/alerts/{source}</c> with <c>Authorization: Bearer</c>, as Alertmanager and Grafana do.</summary>
    public async Task<HttpResponseMessage> PostAlertsAsync(string source, string body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AlertsUrl(source))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    /// <summary>Types a line on the local chat page as <paramref name="user"/>, in #incidents; returns the bot's answer to them.</summary>
    public async Task<LocalReply> SayAsync(string user, string text)
    {
        using var response = await Http.PostAsJsonAsync("local/messages", new LocalMessageRequest(user, text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalReply>())!;
    }

    /// <summary>Reads the bot's database, in a context of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<IncidentDbContext, Task<T>> query)
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<IncidentDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Polls the database until <paramref name="done"/> holds for what <paramref name="query"/> reads, and returns it.</summary>
    public Task<T> WaitForAsync<T>(Func<IncidentDbContext, Task<T>> query, Func<T, bool> done, string awaited, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(() => QueryAsync(query), done, awaited, timeout);

    /// <summary>Waits until the delivery loop has sent every outbox message (to the local chat), so its posts are all there.</summary>
    public Task WaitUntilDeliveredAsync() =>
        WaitForAsync(db => db.Outbox.CountAsync(o => o.DeliveredAt == null), waiting => waiting == 0, "every outbox message delivered");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TryDelete(_folder);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test that used it.
        }
    }

    private sealed class Host(string folder) : BotHost("alerts-e2e", background: true, settings:
    [
        ("Storage:Provider", "Sqlite"),
        ("Storage:DataFolder", Path.Combine(folder, "data")),
        ("ResponsePlan:Path", AlertPlan.Write(folder)),
        ("Alerts:Sources:prometheus:Token", PrometheusToken),
        ("Alerts:Sources:grafana:Token", GrafanaToken),
        ("Alerts:Sources:uptime:Token", UptimeRoutingKey),
        ("LocalChat:Enabled", "true"),
        ("Delivery:PollInterval", "00:00:00.100"),
    ]);
}
