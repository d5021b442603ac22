using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>Registers the database for the configured provider.</summary>
public static class StorageSetup
{
    public static IServiceCollection AddIncidentStorage(this IServiceCollection services, StorageOptions options)
    {
        var connectionString = ConnectionStringFor(options);
        services.AddSingleton(options);
        services.AddSingleton(new WriteGate(serialise: options.Provider != StorageProvider.Postgres));
        // One host owns a SQLite (or InMemory) database, so it may keep the incidents it committed in memory;
        // replicas on PostgreSQL change incidents behind each other's back and always read the database.
        if (options.Provider != StorageProvider.Postgres)
            services.AddSingleton(new Desk.IncidentViewCache());
        // Pooled: every command, read and timer takes a short-lived context, and building one (its scoped services,
        // change tracker, state manager) cost more than the query it ran.
        // The provider's own context type (the one its migrations belong to) serves every command too, so the model is
        // built once per process: start-up's migration and the first command share it.
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                AddContexts<SqliteIncidentDbContext>(services, options.Provider, connectionString);
                break;
            case StorageProvider.Postgres:
                AddContexts<PostgresIncidentDbContext>(services, options.Provider, connectionString);
                break;
            default:
                services.AddPooledDbContextFactory<IncidentDbContext>(builder => Configure(builder, options.Provider, connectionString));
                break;
        }

        // Filing reports in bulk: the SQLite fast path where the provider is SQLite, EF elsewhere.
        services.AddSingleton(sp => ReportWriters.For(
            options.Provider, sp.GetRequiredService<IDbContextFactory<IncidentDbContext>>(), sp.GetService<Desk.IncidentViewCache>()));
        services.AddSingleton<StorageInitializer>();
        services.AddSingleton<ChannelLedger>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<Reports.SummaryReporter>();
        services.AddSingleton<TimerClaims>();
        return services;
    }

    private static void AddContexts<TContext>(IServiceCollection services, StorageProvider provider, string connectionString)
        where TContext : IncidentDbContext
    {
        services.AddPooledDbContextFactory<TContext>(builder => Configure(builder, provider, connectionString));
        services.AddSingleton<IDbContextFactory<IncidentDbContext>>(sp =>
            new IncidentContexts<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    public static void Configure(DbContextOptionsBuilder builder, StorageProvider provider, string connectionString)
    {
        switch (provider)
        {
            case StorageProvider.Sqlite:
                SqliteConnectionSettings.ConfigureProcess();
                builder.UseSqlite(connectionString).AddInterceptors(SqliteConnectionSettings.Instance)
                    .ConfigureWarnings(IgnorePendingModelChanges);
                break;
            case StorageProvider.Postgres:
                builder.UseNpgsql(connectionString).ConfigureWarnings(IgnorePendingModelChanges);
                break;
            case StorageProvider.InMemory:
                builder.UseInMemoryDatabase(connectionString)
                    .ConfigureWarnings(w => w.Ignore(InMemoryEventId.TransactionIgnoredWarning));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider.");
        }
    }

    // Migrating would otherwise first build the model from the last migration's snapshot and compare it with this one
    // (over a second at start-up). MigrationTests checks once, in the build, that the two agree.
    private static void IgnorePendingModelChanges(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    /// <summary>The context the provider's migrations are applied through (SQLite or PostgreSQL).</summary>
    internal static IncidentDbContext MigrationContext(StorageProvider provider, string connectionString)
    {
        if (provider == StorageProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresIncidentDbContext>();
            Configure(postgres, provider, connectionString);
            return new PostgresIncidentDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteIncidentDbContext>();
        Configure(sqlite, StorageProvider.Sqlite, connectionString);
        return new SqliteIncidentDbContext(sqlite.Options);
    }

    /// <summary>The connection string in force; a sentence a person can act on when one is missing.</summary>
    public static string ConnectionStringFor(StorageOptions options)
    {
        switch (options.Provider)
        {
            case StorageProvider.Sqlite when string.IsNullOrWhiteSpace(options.ConnectionString):
                Directory.CreateDirectory(options.DataFolder);
                return new SqliteConnectionStringBuilder
                {
                    DataSource = Path.GetFullPath(Path.Combine(options.DataFolder, "incidents.db")),
                    Pooling = true,
                }.ToString();
            case StorageProvider.Postgres when string.IsNullOrWhiteSpace(options.ConnectionString):
                throw new InvalidOperationException(
                    "Storage:Provider is Postgres but ConnectionStrings:Incidents is empty. Set it, e.g. \"Host=localhost;Database=incidentbot;Username=bot;Password=...\".");
            case StorageProvider.InMemory:
                return string.IsNullOrWhiteSpace(options.ConnectionString) ? options.InMemoryName : options.ConnectionString;
            default:
                return options.ConnectionString!;
        }
    }
}
