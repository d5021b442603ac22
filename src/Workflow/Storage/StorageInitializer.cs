using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Creates the schema on first start and applies later schema steps in order, each once, recording them
/// in <c>schema_version</c>. Existing data is never dropped. On PostgreSQL an advisory lock keeps
/// replicas that start together from upgrading at the same time.
/// </summary>
public sealed class StorageInitializer(IDbContextFactory<IncidentDbContext> factory, StorageOptions options, TimeProvider time, ILogger<StorageInitializer> log)
{
    /// <summary>The schema this build expects. Add a step to <see cref="Steps"/> when it grows.</summary>
    public const int CurrentVersion = TriageSchema.Version;

    // Upgrade steps after the initial schema: version → SQL per provider.
    private static readonly IReadOnlyList<(int Version, string Sqlite, string Postgres)> Steps =
        [
            (Tickets.TicketSchema.Version, Tickets.TicketSchema.Sqlite, Tickets.TicketSchema.Postgres),
            (TriageSchema.Version, TriageSchema.Sqlite, TriageSchema.Postgres),
        ];

    private const long AdvisoryLockKey = 0x4A49_5652_5553; // any constant shared by all replicas

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var relational = options.Provider != StorageProvider.InMemory;
        if (options.Provider == StorageProvider.Postgres)
        {
            // A session lock: the connection must stay open until the unlock, not go back to the pool.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [AdvisoryLockKey], cancellationToken);
        }

        try
        {
            var created = await db.Database.EnsureCreatedAsync(cancellationToken);
            if (options.Provider == StorageProvider.Sqlite)
            {
                // WAL lets readers go on while one writer commits; the setting sticks to the file.
                // (synchronous=NORMAL does not stick: SqliteConnectionSettings sets it on every connection.)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            if (created)
            {
                db.SchemaVersions.Add(new SchemaVersion { Version = CurrentVersion, AppliedAt = time.GetUtcNow() });
                await db.SaveChangesAsync(cancellationToken);
                log.LogInformation("Created the incident database (schema {Version}, {Provider})", CurrentVersion, options.Provider);
                return;
            }

            if (relational)
                await AddMissingTablesAsync(db, cancellationToken);
            var version = await db.SchemaVersions.MaxAsync(s => (int?)s.Version, cancellationToken) ?? CurrentVersion;
            if (version > CurrentVersion)
                throw new InvalidOperationException($"The database has schema {version}, newer than this build knows ({CurrentVersion}). Run a newer IncidentBot.");
            foreach (var step in Steps.Where(s => s.Version > version).OrderBy(s => s.Version))
            {
                if (relational)
                    await db.Database.ExecuteSqlRawAsync(options.Provider == StorageProvider.Postgres ? step.Postgres : step.Sqlite, cancellationToken);
                db.SchemaVersions.Add(new SchemaVersion { Version = step.Version, AppliedAt = time.GetUtcNow() });
                await db.SaveChangesAsync(cancellationToken);
                log.LogInformation("Upgraded the incident database to schema {Version}", step.Version);
            }

            log.LogInformation("Incident database ready (schema {Version}, {Provider})", Math.Max(version, Steps.Count == 0 ? version : Steps.Max(s => s.Version)), options.Provider);
        }
        finally
        {
            if (options.Provider == StorageProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [AdvisoryLockKey], CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Tables and indexes this build added since the database was created are created now, from the model's
    /// own script with <c>IF NOT EXISTS</c>, so an upgrade that only adds tables needs no hand-written step
    /// and touches no existing data. Changes to existing tables still go through <see cref="Steps"/>.
    /// </summary>
    private async Task AddMissingTablesAsync(IncidentDbContext db, CancellationToken ct)
    {
        var script = db.Database.GenerateCreateScript();
        foreach (var statement in SchemaScript.AdditiveStatements(script))
            await db.Database.ExecuteSqlRawAsync(statement, ct);
    }

    /// <summary>True when the database answers; used by <c>/readyz</c>.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken);
    }
}
