using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Writes new rows to SQLite without change tracking, for filing many reports in one transaction: one connection
/// per batch, each table's INSERT prepared once and bound again per row. Table and column names, which columns the
/// database generates, and how each value is converted all come from the EF model, through the same type mappings
/// EF uses, so a row written here reads back through EF exactly like one EF wrote.
/// </summary>
public sealed class SqliteInserts
{
    private readonly string _connectionString;
    private readonly IModel _model;
    private readonly Dictionary<Type, Shape> _shapes = [];
    private readonly Lock _lock = new();

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

    /// <summary>Opens a connection and an immediate (write-locking) transaction.</summary>
    public async Task<Batch> BeginAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = SqliteSynchronousNormal.Pragma;
                await pragma.ExecuteNonQueryAsync(ct);
            }

            var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            return new Batch(this, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private Shape ShapeOf(Type type)
    {
        lock (_lock)
        {
            if (!_shapes.TryGetValue(type, out var shape))
                _shapes[type] = shape = Shape.Of(_model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model."));
            return shape;
        }
    }

    /// <summary>One transaction's worth of inserts; disposing without <see cref="CommitAsync"/> rolls back.</summary>
    public sealed class Batch : IAsyncDisposable
    {
        private readonly SqliteInserts _owner;
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly Dictionary<Type, SqliteCommand> _commands = [];

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
            var value = await command.ExecuteScalarAsync(ct);
            return value is DBNull ? null : value;
        }

        public void Insert<T>(T entity)
            where T : class
        {
            var shape = _owner.ShapeOf(typeof(T));
            if (!_commands.TryGetValue(typeof(T), out var command))
            {
                command = _connection.CreateCommand();
                command.Transaction = _transaction;
                command.CommandText = shape.Sql;
                _commands[typeof(T)] = command;
            }

            command.Parameters.Clear();
            for (var i = 0; i < shape.Columns.Count; i++)
            {
                var column = shape.Columns[i];
                command.Parameters.Add(column.Mapping.CreateParameter(command, column.Parameter, column.Read(entity), column.Nullable));
            }

            command.ExecuteNonQuery();
        }

        public void InsertRange<T>(IEnumerable<T> entities)
            where T : class
        {
            foreach (var entity in entities)
                Insert(entity);
        }

        public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values)
                await command.DisposeAsync();
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    private sealed record Column(string Parameter, RelationalTypeMapping Mapping, bool Nullable, Func<object, object?> Read);

    private sealed record Shape(string Sql, IReadOnlyList<Column> Columns)
    {
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
                var getter = property.GetGetter();
                names.Add($"\"{property.GetColumnName(table)}\"");
                columns.Add(new Column($"$p{columns.Count}", property.GetRelationalTypeMapping(), property.IsNullable, getter.GetClrValueUsingContainingEntity));
            }

            var sql = $"INSERT INTO \"{tableName}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", columns.Select(c => c.Parameter))});";
            return new Shape(sql, columns);
        }
    }
}
