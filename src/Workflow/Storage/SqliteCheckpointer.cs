using Microsoft.Data.Sqlite;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// What one checkpoint round did: the log's size and how much of it is now in the database, in pages, and whether a
/// restarting checkpoint completed (the next commit then starts the log from its beginning).
/// </summary>
public sealed record CheckpointRound(long LogPages, long CopiedPages, bool Restarted);

/// <summary>
/// Copies the SQLite write-ahead log into the database off the write path. Left to SQLite, the commit that takes the log
/// past its limit does the copying and syncs the files while every queued report waits (10-25 ms every 70 ms under
/// a report storm). Here a passive checkpoint copies what is committed without blocking anyone; once the log has grown
/// past <see cref="RestartPages"/>, a restarting checkpoint copies the little that is left and lets the next commit
/// start the log from its beginning again, so it stays bounded under a steady stream of writes (a passive checkpoint
/// alone never catches up with a writer that commits every few milliseconds). The restart takes the host's write gate,
/// so it waits for the transaction in progress, not for a gap between transactions.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, WriteGate gate, int restartPages = SqliteCheckpointer.DefaultRestartPages)
    : IAsyncDisposable
{
    /// <summary>4,096 pages: 16 MB of log with SQLite's 4 KB pages.</summary>
    public const int DefaultRestartPages = 4096;

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
                // How long a restart may wait for readers (and writers outside the gate) before it gives up this round.
                await using var settings = connection.CreateCommand();
                settings.CommandText = "PRAGMA busy_timeout=250;";
                await settings.ExecuteNonQueryAsync(ct);
            }

            var (_, log, copied) = await CheckpointAsync(_connection, "PASSIVE", ct);
            if (log < restartPages)
                return new CheckpointRound(log, copied, Restarted: false);
            bool restarted;
            using (await gate.EnterAsync(ct))
                (restarted, log, copied) = await CheckpointAsync(_connection, "RESTART", ct);
            return new CheckpointRound(log, copied, restarted);
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

    // PRAGMA wal_checkpoint answers (busy, pages in the log, pages copied); -1 pages when not in WAL mode.
    private static async Task<(bool Done, long Log, long Copied)> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return (true, 0, 0);
        return (reader.GetInt64(0) == 0, Math.Max(0, reader.GetInt64(1)), Math.Max(0, reader.GetInt64(2)));
    }
}
