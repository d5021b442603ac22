using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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
    private const string Pragmas = SqliteSynchronousNormal.Pragma + " PRAGMA cache_size=-16384;";
    private readonly string _connectionString;
    private readonly IModel _model;
    private readonly Dictionary<Type, Shape> _shapes = [];
    private readonly Dictionary<(Type Type, int Rows), sqlite3_stmt> _statements = [];
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
        foreach (var statement in _statements.Values)
            statement.Dispose();
        _statements.Clear();
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
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

        /// <summary>A single value from a query in this transaction (null for SQL NULL).</summary>
        public async Task<object?> ScalarAsync(string sql, CancellationToken ct)
        {
            await using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            var value = await Guard(command.ExecuteScalarAsync(ct));
            return value is DBNull ? null : value;
        }

        public void Insert<T>(T entity)
            where T : class =>
            InsertRange<T>([entity]);

        /// <summary>
        /// Inserts the rows in order, up to <see cref="RowsPerStatement"/> in one statement: each statement also reads
        /// and writes the table's AUTOINCREMENT counter, so fewer statements cost less than the rows themselves.
        /// </summary>
        public void InsertRange<T>(IReadOnlyList<T> entities)
            where T : class
        {
            try
            {
                var db = _connection.Handle!;
                for (var first = 0; first < entities.Count; first += RowsPerStatement)
                {
                    var rows = Math.Min(RowsPerStatement, entities.Count - first);
                    var statement = _owner.Statement(typeof(T), rows, out var shape);
                    var index = 1;
                    for (var row = first; row < first + rows; row++)
                    {
                        foreach (var column in shape.Columns)
                            Check(column.Bind(statement, index++, entities[row]), db);
                    }

                    var done = raw.sqlite3_step(statement);
                    raw.sqlite3_reset(statement);
                    raw.sqlite3_clear_bindings(statement);
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

    /// <summary>
    /// One column: reads the member, converts it as EF would (nulls are not converted), and binds the provider value
    /// by position. Provider types are limited to what SQLite stores natively; anything else is refused when the
    /// shape is built, so no value is ever written differently from EF.
    /// </summary>
    private sealed record Column(string Name, Func<object, object?> Read, ValueConverter? Converter)
    {
        public int Bind(sqlite3_stmt statement, int index, object entity)
        {
            var value = Read(entity);
            if (value is not null && Converter is not null)
                value = Converter.ConvertToProvider(value);
            return value switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                string text => raw.sqlite3_bind_text(statement, index, text),
                long number => raw.sqlite3_bind_int64(statement, index, number),
                int number => raw.sqlite3_bind_int64(statement, index, number),
                short number => raw.sqlite3_bind_int64(statement, index, number),
                byte number => raw.sqlite3_bind_int64(statement, index, number),
                bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
                double real => raw.sqlite3_bind_double(statement, index, real),
                float real => raw.sqlite3_bind_double(statement, index, real),
                byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
                _ => throw new InvalidOperationException($"Column {Name}: SqliteInserts cannot bind a {value.GetType().Name}."),
            };
        }

        public static bool Stores(Type provider) =>
            (Nullable.GetUnderlyingType(provider) ?? provider) is var type
            && (type == typeof(string) || type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte)
                || type == typeof(bool) || type == typeof(double) || type == typeof(float) || type == typeof(byte[]));
    }

    private sealed record Shape(string Table, IReadOnlyList<string> Names, IReadOnlyList<Column> Columns)
    {
        /// <summary>INSERT INTO "t" ("a", "b") VALUES (?1, ?2), (?3, ?4), ... for the given number of rows.</summary>
        public string Sql(int rows)
        {
            var values = Enumerable.Range(0, rows)
                .Select(row => $"({string.Join(", ", Columns.Select((_, i) => $"?{(row * Columns.Count) + i + 1}"))})");
            return $"INSERT INTO \"{Table}\" ({string.Join(", ", Names)}) VALUES {string.Join(", ", values)};";
        }

        public static Shape Of(IEntityType entity)
        {
            var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
            var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            var columns = new List<Column>();
            var names = new List<string>();
            foreach (var property in entity.GetProperties())
            {
                // Keys the database numbers (INTEGER PRIMARY KEY AUTOINCREMENT) are left to it.
                if (property.ValueGenerated == ValueGenerated.OnAdd)
                    continue;
                if (property.IsShadowProperty())
                    throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} is a shadow property; SqliteInserts writes mapped members only.");
                var name = property.GetColumnName(table) ?? property.Name;
                var mapping = property.GetRelationalTypeMapping();
                var converter = mapping.Converter;
                if (!Column.Stores(converter?.ProviderClrType ?? mapping.ClrType))
                    throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} is stored as {(converter?.ProviderClrType ?? mapping.ClrType).Name}, which SqliteInserts does not bind.");
                names.Add($"\"{name}\"");
                columns.Add(new Column(name, property.GetGetter().GetClrValueUsingContainingEntity, converter));
            }

            return new Shape(tableName, names, columns);
        }
    }
}
