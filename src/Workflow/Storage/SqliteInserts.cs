using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Writes new rows to SQLite without change tracking, for filing many reports in one transaction. It keeps one
/// connection of its own with each table's INSERT prepared once and bound by position per row, and a larger page
/// cache, so a batch neither opens a connection nor re-reads the pages the last batch touched. Table and column
/// names, which columns the database generates, and how each value is converted all come from the EF model, so a
/// row written here reads back through EF exactly like one EF wrote. One batch at a time.
/// </summary>
public sealed class SqliteInserts : IAsyncDisposable
{
    // 16 MB instead of SQLite's 2 MB: the pages new rows go to (the right edge of each table and index) stay cached.
    private const string Pragmas = SqliteConnectionSettings.Pragma + " PRAGMA cache_size=-16384;";
    private readonly string _connectionString;
    private readonly IModel _model;
    private readonly Dictionary<Type, Shape> _shapes = [];
    private readonly Dictionary<(Type Type, int Rows), sqlite3_stmt> _statements = [];
    private readonly Dictionary<string, sqlite3_stmt> _queries = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
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
        foreach (var statement in _statements.Values.Concat(_queries.Values))
            statement.Dispose();
        _statements.Clear();
        _queries.Clear();
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
            Check(raw.sqlite3_prepare_v2(db, sql, out statement), db);
            _queries[sql] = statement;
        }

        return statement;
    }

    /// <summary>The prepared INSERT of <paramref name="rows"/> rows of <paramref name="type"/>, prepared on first use.</summary>
    private sqlite3_stmt Statement(Type type, int rows, out Shape shape)
    {
        if (!_shapes.TryGetValue(type, out shape!))
            _shapes[type] = shape = Shape.Of(_model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model."));
        if (!_statements.TryGetValue((type, rows), out var statement))
        {
            var db = _connection!.Handle!;
            Check(raw.sqlite3_prepare_v2(db, shape.Sql(rows), out statement), db);
            _statements[(type, rows)] = statement;
        }

        return statement;
    }

    private static void Check(int result, sqlite3 db)
    {
        if (result != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(result, db);
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
        /// <summary>Rows per INSERT statement; 32 rows of the widest table stay far below SQLite's 32,766 parameters.</summary>
        public const int RowsPerStatement = 32;
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
                        Check(step == raw.SQLITE_DONE ? raw.SQLITE_MISUSE : step, db);
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

        /// <summary>
        /// Inserts the rows in order, up to <see cref="RowsPerStatement"/> in one statement: each statement also reads
        /// and writes the table's AUTOINCREMENT counter, so fewer statements cost less than the rows themselves.
        /// </summary>
        public void InsertRange<T>(IReadOnlyList<T> entities)
            where T : class =>
            InsertRange(typeof(T), entities);

        /// <summary>Inserts rows of the entity type <paramref name="type"/>, as <see cref="InsertRange{T}"/>.</summary>
        public void InsertRange(Type type, IReadOnlyList<object> entities)
        {
            try
            {
                var db = _connection.Handle!;
                for (var first = 0; first < entities.Count; first += RowsPerStatement)
                {
                    var rows = Math.Min(RowsPerStatement, entities.Count - first);
                    var statement = _owner.Statement(type, rows, out var shape);
                    var index = 1;
                    for (var row = first; row < first + rows; row++)
                    {
                        var entity = entities[row];
                        foreach (var column in shape.Columns)
                            Check(column.Bind(statement, index++, entity), db);
                    }

                    var done = raw.sqlite3_step(statement);
                    raw.sqlite3_reset(statement);
                    raw.sqlite3_clear_bindings(statement); // every parameter NULL again: null columns are not bound
                    if (done != raw.SQLITE_DONE)
                        Check(done, db);
                }
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

    private sealed record Shape(string Table, IReadOnlyList<string> Names, SqliteInsertColumn[] Columns)
    {
        /// <summary>
        /// INSERT OR ROLLBACK INTO "t" ("a", "b") VALUES (?1, ?2), (?3, ?4), ... for the given number of rows. A broken
        /// constraint ends the whole transaction (the batch fails as a whole anyway), so SQLite keeps no statement
        /// journal to undo a multi-row statement half-way: under load that journal rewrote thousands of pages a second.
        /// </summary>
        public string Sql(int rows)
        {
            var values = Enumerable.Range(0, rows)
                .Select(row => $"({string.Join(", ", Columns.Select((_, i) => $"?{(row * Columns.Length) + i + 1}"))})");
            return $"INSERT OR ROLLBACK INTO \"{Table}\" ({string.Join(", ", Names)}) VALUES {string.Join(", ", values)};";
        }

        public static Shape Of(IEntityType entity)
        {
            var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
            var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            var columns = new List<SqliteInsertColumn>();
            var names = new List<string>();
            foreach (var property in entity.GetProperties())
            {
                // Keys the database numbers (INTEGER PRIMARY KEY AUTOINCREMENT) are left to it.
                if (property.ValueGenerated == ValueGenerated.OnAdd)
                    continue;
                if (property.IsShadowProperty())
                    throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} is a shadow property; SqliteInserts writes mapped members only.");
                var name = property.GetColumnName(table) ?? property.Name;
                names.Add($"\"{name}\"");
                columns.Add(SqliteInsertColumn.For(property, name));
            }

            return new Shape(tableName, names, [.. columns]);
        }
    }
}
