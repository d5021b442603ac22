using Jivrus.IncidentBot.TestSupport;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>A fresh database of one provider, its Desk, and a fake clock; disposed with the test.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly Action? _cleanup;
    private readonly List<Workflow.Desk.Desk> _desks = [];

    private TestStore(StorageProvider provider, string connectionString, ResponsePlan plan, FakeTimeProvider time, Action? cleanup)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Plan = plan;
        Time = time;
        _cleanup = cleanup;
        Factory = new DbFactory(provider, connectionString);
        Desk = NewDesk();
    }

    public StorageProvider Provider { get; }
    public string ConnectionString { get; }
    public ResponsePlan Plan { get; }
    public FakeTimeProvider Time { get; }
    public IDbContextFactory<IncidentDbContext> Factory { get; }
    public Workflow.Desk.Desk Desk { get; }

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 4, 0, 0, TimeSpan.Zero); // Monday 09:30 in Kolkata

    /// <summary>A fresh store; with <paramref name="initialize"/> false its database is left empty (or not even created).</summary>
    public static async Task<TestStore> CreateAsync(StorageProvider provider, ResponsePlan? plan = null, bool initialize = true)
    {
        plan ??= TestPlans.Standard();
        var time = new FakeTimeProvider(Start);
        TestStore store;
        switch (provider)
        {
            case StorageProvider.Sqlite:
                var file = Path.Combine(Path.GetTempPath(), $"incidentbot-test-{Guid.NewGuid():N}.db");
                store = new TestStore(provider, $"Data Source={file};Pooling=False", plan, time, () => DeleteSqlite(file));
                break;
            case StorageProvider.Postgres:
                var database = await ScratchDatabase.CreateAsync("ib_test");
                store = new TestStore(provider, database.ConnectionString, plan, time, database.Drop);
                break;
            default:
                store = new TestStore(provider, $"test-{Guid.NewGuid():N}", plan, time, null);
                break;
        }

        if (initialize)
            await store.NewInitializer().InitializeAsync();
        return store;
    }

    /// <summary>
    /// A store holding the database the last build before migrations left (schema_version 3, the rows of
    /// Storage/Fixtures), not yet initialised by this build.
    /// </summary>
    public static async Task<TestStore> FromSchema3Async(StorageProvider provider, ResponsePlan? plan = null)
    {
        var store = await CreateAsync(provider, plan, initialize: false);
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures");
        if (provider == StorageProvider.Sqlite)
            File.Copy(Path.Combine(fixtures, "schema3.db"), new SqliteConnectionStringBuilder(store.ConnectionString).DataSource);
        else
            await ExecuteAsync(store.ConnectionString, await File.ReadAllTextAsync(Path.Combine(fixtures, "schema3-postgres.sql")));
        return store;
    }

    /// <summary>
    /// A desk on this store; the store disposes it (closing its report writer's connection) at the end. With
    /// <paramref name="factory"/> its contexts come from there (one with an interceptor, <see cref="FactoryWith"/>).
    /// </summary>
    public Workflow.Desk.Desk NewDesk(
        Workflow.Desk.IncidentViewCache? views = null, WriteGate? gate = null, IDbContextFactory<IncidentDbContext>? factory = null)
    {
        var desk = new Workflow.Desk.Desk(
            factory ?? Factory, Plan, Time, gate ?? new WriteGate(Provider != StorageProvider.Postgres), NullLogger<Workflow.Desk.Desk>.Instance, views);
        lock (_desks)
            _desks.Add(desk);
        return desk;
    }

    public StorageInitializer NewInitializer() =>
        new(Factory, new StorageOptions { Provider = Provider, ConnectionString = ConnectionString }, NullLogger<StorageInitializer>.Instance);

    /// <summary>Contexts on this store's database that run <paramref name="interceptor"/> as well.</summary>
    public IDbContextFactory<IncidentDbContext> FactoryWith(IInterceptor interceptor) => new DbFactory(Provider, ConnectionString, interceptor);

    public async Task<IncidentDbContext> OpenAsync() => await Factory.CreateDbContextAsync();

    /// <summary>A context that knows the provider's migrations (the one the start-up applies them through).</summary>
    public IncidentDbContext OpenForMigrations() => StorageSetup.MigrationContext(Provider, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        foreach (var desk in _desks)
            await desk.DisposeAsync();
        _cleanup?.Invoke();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void DeleteSqlite(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(file + suffix);
    }

    private sealed class DbFactory(StorageProvider provider, string connectionString, IInterceptor? interceptor = null) : IDbContextFactory<IncidentDbContext>
    {
        public IncidentDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<IncidentDbContext>();
            StorageSetup.Configure(builder, provider, connectionString);
            if (interceptor is not null)
                builder.AddInterceptors(interceptor);
            return new IncidentDbContext(builder.Options);
        }
    }
}
