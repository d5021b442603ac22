using System.Net;
using Jivrus.IncidentBot.Bot.Hosting;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

public sealed class HostTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"incidentbot-host-{Guid.NewGuid():N}");

    [Fact]
    public async Task Healthz_AnswersOk()
    {
        await using var host = NewHost();

        var response = await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readyz_WithReachableDatabase_AnswersReady()
    {
        await using var host = NewHost();

        var response = await host.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"status":"healthy","checks":[{"name":"database","status":"healthy","description":"The incident database answers."},"""
            + """{"name":"plan","status":"healthy","description":"The response plan is loaded: 4 severities, 3 escalation levels."},"""
            + """{"name":"outbox","status":"healthy","description":"No message waits in the outbox."},"""
            + """{"name":"timers","status":"healthy","description":"No timer is overdue."}]}""");
    }

    [Fact]
    public async Task BenchBareEndpoint_IsOffUnlessEnabled_AndReadsItsBodyUpToTheCap()
    {
        await using (var off = NewHost())
            (await off.CreateClient().PostAsync(new Uri("/bench/bare", UriKind.Relative), new StringContent("text=x"))).StatusCode
                .Should().Be(HttpStatusCode.NotFound);

        await using var on = NewHost(("Bench:Enabled", "true"));
        var client = on.CreateClient();

        var ok = await client.PostAsync(new Uri("/bench/bare", UriKind.Relative), new StringContent("text=x"));
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync()).Should().Contain("\"response_type\":\"ephemeral\"");
        var huge = await client.PostAsync(new Uri("/bench/bare", UriKind.Relative), new StringContent(new string('x', 70 * 1024)));
        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Incidents_OnSqlite_SurviveARestartOfTheHost()
    {
        await using (var first = NewHost())
        {
            var desk = first.Services.GetRequiredService<Desk>();
            await desk.ReportAsync(Actor.Employee("local:eve", "Eve"), new IncidentReport("Printer on fire", "sev2"));
        }

        await using var second = NewHost();
        var found = await second.Services.GetRequiredService<Desk>().ShowAsync(1);

        found.Incident.Should().NotBeNull();
        found.Incident!.Title.Should().Be("Printer on fire");
        File.Exists(Path.Combine(_dataFolder, "incidents.db")).Should().BeTrue();
    }

    [Fact]
    public void Start_WithAnInvalidPlan_FailsNamingTheLine()
    {
        var plan = Path.Combine(_dataFolder, "bad-plan.yaml");
        Directory.CreateDirectory(_dataFolder);
        File.WriteAllText(plan, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plan.default.yaml"))
            .Replace("responders: [chen]", "responders: [zed]", StringComparison.Ordinal));

        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            using var host = NewHost(("ResponsePlan:Path", plan));
            var start = () => host.Services;
            start.Should().Throw<Exception>();
        }
        finally
        {
            Console.SetError(original);
        }

        stderr.ToString().Should().Contain("bad-plan.yaml:").And.Contain("zed");
    }

    [Fact]
    public async Task Start_OnASqliteFileAnotherHostUses_FailsWithASentence()
    {
        await using var first = NewHost();
        _ = first.Services;

        // The second host is built as Program builds it; its storage start must refuse the file.
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Storage:Provider"] = "Sqlite";
        builder.Configuration["Storage:DataFolder"] = _dataFolder;
        builder.AddWorkflow();
        await using var second = builder.Build();

        var start = () => second.InitializeStorageAsync();

        (await start.Should().ThrowAsync<StartupException>())
            .WithMessage($"Another IncidentBot is already using {Path.Combine(_dataFolder, "incidents.db")}*");
    }

    [Fact]
    public void Start_WithAnUnknownStorageProvider_FailsWithASentence()
    {
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            using var host = NewHost(("Storage:Provider", "Mongo"));
            var start = () => host.Services;
            start.Should().Throw<Exception>();
        }
        finally
        {
            Console.SetError(original);
        }

        stderr.ToString().Should().Contain("Storage:Provider 'Mongo' is not one of Sqlite, Postgres, InMemory.");
    }

    /// <summary>A host on a SQLite file in the test's folder, its timer loop running as in production.</summary>
    private BotHost NewHost(params (string Key, string Value)[] settings) =>
        new("host", settings: [("Storage:Provider", "Sqlite"), ("Storage:DataFolder", _dataFolder), ("Scheduling:Background", "true"), .. settings]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
            Directory.Delete(_dataFolder, recursive: true);
    }
}
