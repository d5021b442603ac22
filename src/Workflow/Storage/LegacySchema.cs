using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Brings a database made before EF Core migrations under them. Those builds kept their schema steps in a
/// <c>schema_version</c> table and had no <c>__EFMigrationsHistory</c>. Such a database gets the steps it lacks
/// (each once, by its recorded version), then whatever it lacks of the frozen schema 3 (tables and indexes,
/// <c>IF NOT EXISTS</c>), and then the first migration, which is schema 3, is recorded as applied, all in one
/// transaction. The later migrations then run as on any other database.
/// </summary>
internal static class LegacySchema
{
    /// <summary>The last schema the builds before migrations knew; the Baseline migration creates exactly it.</summary>
    public const int Version = 3;

    // Changes to existing tables, by the version that introduced them. Tables those versions added are in the frozen script.
    private static readonly IReadOnlyList<(int Version, string Sqlite, string Postgres)> Steps =
        [
            (2, """ALTER TABLE "outbox" ADD COLUMN "TicketId" INTEGER NULL;""", """ALTER TABLE outbox ADD COLUMN IF NOT EXISTS "TicketId" bigint;"""),
            (3, """ALTER TABLE "incidents" ADD COLUMN "NeedsTriage" INTEGER NOT NULL DEFAULT 0;""", """ALTER TABLE incidents ADD COLUMN IF NOT EXISTS "NeedsTriage" boolean NOT NULL DEFAULT FALSE;"""),
        ];

    /// <summary>
    /// Adopts a database from before migrations, if this is one; false when it is not (new, or migrated already).
    /// Refuses, with the sentence those builds used, a schema version this build never knew.
    /// </summary>
    public static async Task<bool> AdoptAsync(IncidentDbContext db, bool postgres, ILogger log, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        // Asked of the catalogue, the same way on both providers (IHistoryRepository.ExistsAsync answered true on
        // PostgreSQL for a database without the table).
        if (await HasTableAsync(db, postgres, HistoryRepository.DefaultTableName, ct) || !await HasTableAsync(db, postgres, "schema_version", ct))
            return false;

        var version = await db.SchemaVersions.MaxAsync(s => (int?)s.Version, ct) ?? Version; // as before migrations: an empty table meant the current schema
        if (version > Version)
            throw NewerThanThisBuild(version.ToString(), Version.ToString());

        var baseline = db.Database.GetMigrations().First();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var step in Steps.Where(s => s.Version > version))
            await db.Database.ExecuteSqlRawAsync(postgres ? step.Postgres : step.Sqlite, ct);
        await db.Database.ExecuteSqlRawAsync(FrozenScript(postgres), ct);
        var record = history.GetCreateIfNotExistsScript() + history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion()));
        await db.Database.ExecuteSqlRawAsync(record, ct); // EF's own scripts, from the build's own migration id
        await tx.CommitAsync(ct);
        log.LogInformation("Adopted the incident database at schema {Version} as migration {Baseline}", version, baseline);
        return true;
    }

    /// <summary>The one sentence a database newer than this build is refused with (the same as before migrations).</summary>
    public static InvalidOperationException NewerThanThisBuild(string database, string build) =>
        new($"The database has schema {database}, newer than this build knows ({build}). Run a newer IncidentBot.");

    private static async Task<bool> HasTableAsync(IncidentDbContext db, bool postgres, string table, CancellationToken ct)
    {
        var sql = postgres
            ? """SELECT COUNT(*)::int AS "Value" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {0}"""
            : """SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE type = 'table' AND name = {0}""";
        return await db.Database.SqlQueryRaw<int>(sql, table).SingleAsync(ct) > 0;
    }

    private static string FrozenScript(bool postgres)
    {
        var name = postgres ? "Legacy.schema3.postgres.sql" : "Legacy.schema3.sqlite.sql";
        using var stream = typeof(LegacySchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
