using System.Collections.Concurrent;
using System.Diagnostics;
using Jivrus.IncidentBot.Bot.Hosting;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

/// <summary>The host copies the SQLite log into the database on its own clock, not on a commit's.</summary>
public sealed class SqliteCheckpointServiceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("incidentbot-checkpoint-").FullName;

    [Fact]
    public async Task AfterAWrite_TheNextRound_CopiesTheLogIntoTheDatabase()
    {
        var options = new StorageOptions { Provider = StorageProvider.Sqlite, DataFolder = _folder };
        var connectionString = StorageSetup.ConnectionStringFor(options);
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('a'), ('b');";
            await command.ExecuteNonQueryAsync();
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 4, 30, 0, TimeSpan.Zero));
        var log = new RoundLog();
        using var service = new SqliteCheckpointService(options, new WriteGate(serialise: true), time, log);
        await service.StartAsync(CancellationToken.None);
        try
        {
            var copied = await WaitForAsync(() =>
            {
                time.Advance(SqliteCheckpointService.Idle);
                return log.Rounds.Any(r => r.Copied > 0 && r.Copied == r.Log);
            });

            copied.Should().BeTrue("a round runs once the idle interval has passed and copies the committed pages");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task OnPostgres_NoRoundRuns()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=unused" };
        var log = new RoundLog();
        using var service = new SqliteCheckpointService(options, new WriteGate(serialise: false), TimeProvider.System, log);

        await service.StartAsync(CancellationToken.None);

        service.ExecuteTask.Should().NotBeNull();
        var finished = async () => await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        await finished.Should().NotThrowAsync("the service has nothing to do without SQLite and ends at once");
        log.Rounds.Should().BeEmpty();
        await service.StopAsync(CancellationToken.None);
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (condition())
                return true;
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return condition();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Keeps the rounds the service reports at trace level.</summary>
    private sealed class RoundLog : ILogger<SqliteCheckpointService>
    {
        public ConcurrentQueue<(long Log, long Copied)> Rounds { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "Log").Value is long pages
                && values.FirstOrDefault(v => v.Key == "Copied").Value is long copied)
                Rounds.Enqueue((pages, copied));
        }
    }
}
