using Microsoft.Data.Sqlite;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// What one checkpoint round did: the log's size and how much of it is now in the database, in pages, and whether a
/// round under the write gate copied all of it, so the next commit starts the log from its beginning.
/// </summary>
public sealed record CheckpointRound(long LogPages, long CopiedPages, bool Restarted);

/// <summary>
/// Copies the SQLite write-ahead log into the database off the write path. Left to SQLite, the commit that takes the log
/// past its limit does the copying and syncs the files while every queued report waits (up to 27 ms, about 14 times a
/// second under the report benchmark). Here a passive checkpoint copies what is committed without blocking anyone.
/// The log starts again from its beginning at the first commit after a checkpoint that copied all of it; a writer
/// that commits every few milliseconds can outrun that, so once the log has grown past <see cref="RestartPages"/>
/// the round repeats under the host's write gate, where no commit can slip in, and copies the little that is left.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, WriteGate gate, int restartPages = SqliteCheckpointer.DefaultRestartPages)
    : IAsyncDisposable
{
    /// <summary>16,384 pages: 64 MB of log with SQLite's 4 KB pages.</summary>
    public const int DefaultRestartPages = 16384;

    private SqliteConnection? _connection;

    public int RestartPages => restartPages;

    public async Task<CheckpointRound> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            if (_connection is null)
            {
                var connection = new SqliteConnection(connectionString);
                _connection = connection;
                await connection.OpenAsync(ct);
            }

            var (log, copied) = await CheckpointAsync(_connection, ct);
            if (log < restartPages)
                return new CheckpointRound(log, copied, Restarted: false);
            using (await gate.EnterAsync(ct))
                (log, copied) = await CheckpointAsync(_connection, ct);
            return new CheckpointRound(log, copied, Restarted: copied == log);
        }
        catch
        {
            // The next round starts from a fresh connection.
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    // A passive checkpoint never waits for readers or writers. PRAGMA wal_checkpoint answers (busy, pages in the log,
    // pages copied), with -1 pages when the database is not in WAL mode.
    private static async Task<(long Log, long Copied)> CheckpointAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return (0, 0);
        return (Math.Max(0, reader.GetInt64(1)), Math.Max(0, reader.GetInt64(2)));
    }
}
