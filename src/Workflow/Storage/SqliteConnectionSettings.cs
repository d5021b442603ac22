using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Settings every SQLite connection runs when it opens, because neither sticks to the file the way
/// <c>journal_mode=WAL</c> does:
/// <list type="bullet">
/// <item><c>synchronous=NORMAL</c>: set once at start-up it held only on that one connection, and every other pooled
/// connection synced the WAL on each commit (FULL), which made a write transaction wait on the disk. In WAL mode
/// NORMAL keeps the database consistent after a crash; only the last commits before a power cut may be lost.</item>
/// <item><c>wal_autocheckpoint</c> raised from 1,000 pages to <see cref="AutoCheckpointPages"/>: the host's
/// checkpointer copies the log into the database in the background (<see cref="SqliteCheckpointer"/>), so a commit
/// no longer stops to do it. The raised limit is the safety net that bounds the log where no checkpointer runs.</item>
/// <item><c>busy_timeout=5000</c>: a write that finds the database locked by another connection (the outbox
/// dispatcher marking a delivery while the report writer commits) waits inside SQLite, which retries within a
/// millisecond or two; without it the provider slept 150 ms between attempts, and every report queued behind it.</item>
/// <item><c>temp_store=MEMORY</c>: temporary tables, sorts and statement journals stay in memory instead of files
/// created and deleted under <c>/var/tmp</c> many times a second.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    /// <summary>What every SQLite connection runs when it opens (also the report writer's own connections).</summary>
    public const string Pragma = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=32768; PRAGMA busy_timeout=5000; PRAGMA temp_store=MEMORY;";

    /// <summary>The log size (pages) at which a committing connection checkpoints on its own.</summary>
    public const int AutoCheckpointPages = 32768;

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> ConfiguredHandles = [];
    private static readonly object Marker = new();
    private static int _processConfigured;

    public static SqliteConnectionSettings Instance { get; } = new();

    /// <summary>
    /// Settings SQLite takes once per process, before its first connection opens: connections lock no mutex of
    /// their own (each is used by one thread at a time: an EF context, a pooled connection, the report writer's
    /// batch), and memory statistics nobody reads are not kept under a global lock. Where SQLite already started
    /// (another host in the same process opened a database first) the defaults stay, which are only slower.
    /// </summary>
    public static void ConfigureProcess()
    {
        if (Interlocked.Exchange(ref _processConfigured, 1) == 1)
            return;
        SQLitePCL.Batteries_V2.Init();
        if (SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD) == SQLitePCL.raw.SQLITE_OK)
            SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        Configured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Configured(connection);
    }

    // The settings belong to SQLite's connection handle, which the provider's pool hands to one open after another:
    // set once per handle, not on every open (each show, list and group of changes opens one).
    private static bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && ConfiguredHandles.TryGetValue(handle, out _);

    private static void Configured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            ConfiguredHandles.AddOrUpdate(handle, Marker);
    }
}
