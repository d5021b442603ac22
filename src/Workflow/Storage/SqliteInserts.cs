using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Writes new rows to SQLite without change tracking, for filing many reports in one transaction. It keeps one
/// connection of its own with each table's INSERT prepared once (<see cref="SqliteRowInserter"/>), and a larger page
/// cache, so a batch neither opens a connection nor re-reads the pages the last batch touched. One batch at a time.
/// </summary>
public sealed class SqliteInserts : IAsyncDisposable
{
    // 16 MB instead of SQLite's 2 MB: the pages new rows go to (the right edge of each table and index) stay cached.
    private const string Pragmas = SqliteConnectionSettings.Pragma + " PRAGMA cache_size=-16384;";
    private readonly string _connectionString;
    private readonly IModel _model;
    private readonly Dictionary<string, sqlite3_stmt> _queries = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
    private SqliteRowInserter? _rows;
    private int _busy;

    private SqliteInserts(string connectionString, IModel model)
    {
        _connectionString = connectionString;
        _model = model;
    }

    /// <summary>The inserter for the context's database, or null when it is not SQLite.</summary>
    public static SqliteInserts? For(IncidentDbContext db) =>
        db.Database.IsSqlite() && db.Database.GetConnectionString() is { } connectionString
            ? new SqliteInserts(connectionString, db.Model)
            : null;

    /// <summary>Starts an immediate (write-locking) transaction on the inserter's connection, opening it if needed.</summary>
    public async Task<Batch> BeginAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1)
            throw new InvalidOperationException("SqliteInserts runs one batch at a time.");
        try
        {
            if (_connection is null)
            {
                var connection = new SqliteConnection(_connectionString);
                _connection = connection;
                await connection.OpenAsync(ct);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = Pragmas;
                await pragma.ExecuteNonQueryAsync(ct);
                _rows = new SqliteRowInserter(_model, connection.Handle!, SqliteRowInserter.InsertOrRollback);
            }

            return new Batch(this, _connection, _connection.BeginTransaction(IsolationLevel.Serializable, deferred: false));
        }
        catch
        {
            await CloseAsync();
            Volatile.Write(ref _busy, 0);
            throw;
        }
    }

    /// <summary>Closes the connection; the next batch opens a new one.</summary>
    public async ValueTask DisposeAsync() => await CloseAsync();

    private async ValueTask CloseAsync()
    {
        foreach (var statement in _queries.Values)
            statement.Dispose();
        _queries.Clear();
        _rows?.Dispose();
        _rows = null;
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    private sqlite3_stmt Query(string sql)
    {
        if (!_queries.TryGetValue(sql, out var statement))
        {
            var db = _connection!.Handle!;
            SqliteRowInserter.Check(raw.sqlite3_prepare_v2(db, sql, out statement), db);
            _queries[sql] = statement;
        }

        return statement;
    }

    /// <summary>
    /// One transaction's worth of inserts; disposing without <see cref="CommitAsync"/> rolls back. After a failure the
    /// connection is closed, so the next batch starts from a fresh one.
    /// </summary>
    public sealed class Batch : IAsyncDisposable
    {
        private readonly SqliteInserts _owner;
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private bool _committed;
        private bool _failed;

        internal Batch(SqliteInserts owner, SqliteConnection connection, SqliteTransaction transaction)
        {
            _owner = owner;
            _connection = connection;
            _transaction = transaction;
        }

        /// <summary>A whole number from a query in this transaction (null for SQL NULL); the query is prepared once.</summary>
        public long? Number(string sql)
        {
            try
            {
                var db = _connection.Handle!;
                var statement = _owner.Query(sql);
                var step = raw.sqlite3_step(statement);
                try
                {
                    if (step != raw.SQLITE_ROW)
                        SqliteRowInserter.Check(step == raw.SQLITE_DONE ? raw.SQLITE_MISUSE : step, db);
                    return raw.sqlite3_column_type(statement, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(statement, 0);
                }
                finally
                {
                    raw.sqlite3_reset(statement);
                }
            }
            catch
            {
                _failed = true;
                throw;
            }
        }

        public void Insert<T>(T entity)
            where T : class =>
            InsertRange<T>([entity]);

        /// <summary>Inserts the rows in order, many to a statement (<see cref="SqliteRowInserter"/>).</summary>
        public void InsertRange<T>(IReadOnlyList<T> entities)
            where T : class =>
            InsertRange(typeof(T), entities);

        /// <summary>Inserts rows of the entity type <paramref name="type"/>, as <see cref="InsertRange{T}"/>.</summary>
        public void InsertRange(Type type, IReadOnlyList<object> entities)
        {
            try
            {
                _owner._rows!.InsertRange(type, entities);
            }
            catch
            {
                _failed = true;
                throw;
            }
        }

        public async Task CommitAsync(CancellationToken ct)
        {
            await Guard(_transaction.CommitAsync(ct));
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_committed)
                    await _transaction.RollbackAsync();
            }
            catch
            {
                // Disposal runs after the caller already has the batch's own error (or its commit); a rollback that
                // fails too (SQLite may have rolled back already) is answered by closing the connection, below.
                _failed = true;
            }
            finally
            {
                await _transaction.DisposeAsync();
                if (_failed)
                    await _owner.CloseAsync();
                Volatile.Write(ref _owner._busy, 0);
            }
        }

        private async Task<TResult> Guard<TResult>(Task<TResult> work)
        {
            try
            {
                return await work;
            }
            catch
            {
                _failed = true;
                throw;
            }
        }

        private async Task Guard(Task work)
        {
            try
            {
                await work;
            }
            catch
            {
                _failed = true;
                throw;
            }
        }
    }
}
