using Microsoft.Data.Sqlite;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// An exclusive lock file beside a SQLite database (<c>incidents.db.lock</c>), held while a host uses it. A host
/// that owns its SQLite file keeps the incidents it committed in memory, so a second host on the same file would
/// leave the first one answering from stale views; the second one is refused at start instead.
/// </summary>
public sealed class SqliteHostLock : IDisposable
{
    private readonly FileStream _file;

    private SqliteHostLock(FileStream file, string databasePath)
    {
        _file = file;
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    /// <summary>
    /// Takes the lock for the configured SQLite database; null for other providers and in-memory SQLite.
    /// Throws <see cref="InvalidOperationException"/> with a sentence to act on when another host holds it.
    /// </summary>
    public static SqliteHostLock? Acquire(StorageOptions options)
    {
        if (options.Provider != StorageProvider.Sqlite)
            return null;
        var builder = new SqliteConnectionStringBuilder(StorageSetup.ConnectionStringFor(options));
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
            return null;

        var database = Path.GetFullPath(builder.DataSource);
        var lockPath = database + ".lock";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            var file = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new SqliteHostLock(file, database);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"Another IncidentBot is already using {database} (its lock file {lockPath} is held). Stop that host, " +
                "give this one its own Storage:DataFolder, or run several hosts on PostgreSQL (Storage:Provider=Postgres).", ex);
        }
    }

    public void Dispose() => _file.Dispose();
}
