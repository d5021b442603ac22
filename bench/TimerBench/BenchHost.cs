using Jivrus.IncidentBot.Bot.Scheduling;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bench.TimerBench;

/// <summary>
/// The pieces of the host that fire timers (storage, Desk, TimerClaims, TimerTick), wired as the host wires
/// them, on a fresh database: a new SQLite file in a temp folder, or a new PostgreSQL database.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Func<Task> _drop;

    private BenchHost(ServiceProvider services, Func<Task> drop)
    {
        _services = services;
        _drop = drop;
    }

    public string Provider { get; private init; } = "";
    public ResponsePlan Plan => _services.GetRequiredService<ResponsePlan>();
    public Desk Desk => _services.GetRequiredService<Desk>();
    public TimerTick Tick => _services.GetRequiredService<TimerTick>();
    public IDbContextFactory<IncidentDbContext> Db => _services.GetRequiredService<IDbContextFactory<IncidentDbContext>>();

    /// <summary>With <paramref name="keepIn"/>, SQLite's database is made in that folder and left there when the host is disposed.</summary>
    public static async Task<BenchHost> StartAsync(StorageProvider provider, string? postgres, string? keepIn = null)
    {
        var storage = new StorageOptions { Provider = provider };
        Func<Task> drop;
        if (provider == StorageProvider.Postgres)
        {
            var name = $"incidentbot_bench_{Environment.ProcessId}_{Environment.TickCount64}";
            var admin = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
            storage.ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = name }.ToString();
            await ExecuteAsync(admin.ToString(), $"CREATE DATABASE \"{name}\"");
            drop = () => ExecuteAsync(admin.ToString(), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        else if (keepIn is not null)
        {
            storage.DataFolder = Directory.CreateDirectory(keepIn).FullName;
            drop = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                return Task.CompletedTask;
            };
        }
        else
        {
            storage.DataFolder = Directory.CreateTempSubdirectory("incidentbot-timerbench-").FullName;
            var folder = storage.DataFolder;
            drop = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            };
        }

        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(Environment.GetEnvironmentVariable("BENCH_EF_LOG") == "1" ? LogLevel.Information : LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", Environment.GetEnvironmentVariable("BENCH_EF_LOG") == "1" ? LogLevel.Information : LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(PlanLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "plan.default.yaml")));
        services.AddIncidentStorage(storage);
        services.AddSingleton<Desk>();
        services.AddSingleton<IOptions<SchedulingOptions>>(Options.Create(new SchedulingOptions()));
        services.AddSingleton<TimerTick>();
        var provided = services.BuildServiceProvider();
        await provided.GetRequiredService<StorageInitializer>().InitializeAsync();
        return new BenchHost(provided, drop) { Provider = provider.ToString() };
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await _drop();
    }
}
