using System.Collections.Concurrent;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

public sealed class StartupChannelWarningTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("startup-channels-").FullName;
    private readonly RecordingLoggerProvider _logs = new();

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Startup_TeamsOnAndManagementSlackOnly_LogsTheWarningOnce()
    {
        await using var host = Host(("Teams:AppId", "00000000-0000-0000-0000-0000000000a1"), ("Teams:AppPassword", "secret"));

        _ = host.Services;

        _logs.Warnings.Should().Equal(
            "Response plan: channels.management has no Teams id (teams: \"19:...@thread.tacv2\"); Teams installs get no summaries or management escalations.");
    }

    [Fact]
    public async Task Startup_NoChatOn_LogsNoChannelWarning()
    {
        await using var host = Host();

        _ = host.Services;

        _logs.Warnings.Should().BeEmpty();
    }

    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings)
    {
        var plan = Path.Combine(_folder, "plan.yaml");
        File.WriteAllText(plan, """
            timeZone: Asia/Kolkata
            severities:
              - { id: sev1, name: Critical, acknowledgeWithin: 15m, updateEvery: 30m, resolveWithin: 4h }
            escalation:
              levels:
                - { id: L1, name: Support, responders: [ana] }
            people:
              - { id: ana, name: Ana, slack: U01ANA, teams: "29:ana" }
            channels:
              announce:   { slack: C0INCIDENTS, teams: "19:incidents@thread.tacv2" }
              management: { slack: C0MGMT }
            """);
        return new BotHost("startup", settings: [("ResponsePlan:Path", plan), .. settings])
            .WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(_logs)));
    }

    /// <summary>Keeps the warnings the host's start-up logger writes.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Warnings => [.. _warnings];

        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName == "IncidentBot" ? _warnings : null);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<string>? warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning)
                    warnings?.Enqueue(formatter(state, exception));
            }
        }
    }
}
