using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Brings the database to the schema this build expects at start-up: the EF Core migrations of the provider
/// (Storage/Migrations/Sqlite or /Postgres) that it has not applied yet, in order, each once. A database from before
/// migrations is first adopted (<see cref="LegacySchema"/>). Existing data is never dropped. On PostgreSQL an
/// advisory lock keeps replicas that start together from upgrading at the same time; a SQLite file has one host
/// (<see cref="SqliteHostLock"/>). InMemory, for tests and trials, is simply created.
/// </summary>
public sealed class StorageInitializer(IDbContextFactory<IncidentDbContext> factory, StorageOptions options, ILogger<StorageInitializer> log)
{
    private const long AdvisoryLockKey = 0x4A49_5652_5553; // any constant shared by all replicas

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (options.Provider == StorageProvider.InMemory)
        {
            await using var memory = await factory.CreateDbContextAsync(cancellationToken);
            await memory.Database.EnsureCreatedAsync(cancellationToken);
            return;
        }

        var postgres = options.Provider == StorageProvider.Postgres;
        await using var db = await MigrationContextAsync(cancellationToken);
        if (postgres)
        {
            // A session lock: the connection must stay open until the unlock, and the migrations run on it too.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [AdvisoryLockKey], cancellationToken);
        }

        try
        {
            await LegacySchema.AdoptAsync(db, postgres, log, cancellationToken);
            var known = db.Database.GetMigrations().ToList();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            if (applied.Except(known).Any())
                throw LegacySchema.NewerThanThisBuild(applied.Max(StringComparer.Ordinal)!, known[^1]);

            var pending = known.Except(applied).ToList();
            // Nothing to apply (every restart but the first after an upgrade): EF's migrate would still take its lock.
            if (pending.Count > 0)
                await db.Database.MigrateAsync(cancellationToken);
            if (!postgres)
            {
                // WAL lets readers go on while one writer commits; the setting sticks to the file.
                // (synchronous=NORMAL does not stick: SqliteConnectionSettings sets it on every connection.)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            foreach (var migration in pending)
                log.LogInformation("Applied migration {Migration} to the incident database", migration);
            log.LogInformation("Incident database ready (schema {Migration}, {Provider})", known[^1], options.Provider);
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [AdvisoryLockKey], CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    // The provider's context from the factory when it has one (the model the commands use, built once), else its own.
    private async Task<IncidentDbContext> MigrationContextAsync(CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db is SqliteIncidentDbContext or PostgresIncidentDbContext)
            return db;
        await db.DisposeAsync();
        return StorageSetup.MigrationContext(options.Provider, StorageSetup.ConnectionStringFor(options));
    }

    /// <summary>True when the database answers; used by <c>/readyz</c>.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken);
    }
}
