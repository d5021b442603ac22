using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Inserts new rows through SQLite's own prepared statements on a connection that is already open, inside whatever
/// transaction (and savepoint) runs on it: the report writer's connection, or the context of a group of changes
/// (<see cref="UnitOfWork"/>). Each table's INSERT is prepared once per connection and bound by position per row,
/// with no change tracking: EF's bookkeeping for a handful of new rows cost more than writing them. Table and column
/// names, which columns the database generates, and how each value is converted all come from the EF model, so a row
/// written here reads back through EF exactly like one EF wrote. The entities' generated keys are not read back.
/// </summary>
internal sealed class SqliteRowInserter(IModel model, sqlite3 db, string insert) : IDisposable
{
    /// <summary>Rows per INSERT statement; 32 rows of the widest table stay far below SQLite's 32,766 parameters.</summary>
    public const int RowsPerStatement = 32;

    // Building a shape compiles a binder per column, so shapes are kept per model for the life of the process.
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, Shape>> Shapes = [];
    private readonly Dictionary<(Type Type, int Rows), sqlite3_stmt> _statements = [];

    /// <summary>Plain INSERT: a broken constraint fails the statement alone, and the caller's savepoint undoes the rest.</summary>
    public const string Insert = "INSERT";

    /// <summary>
    /// INSERT OR ROLLBACK: a broken constraint ends the whole transaction, so SQLite keeps no statement journal to undo a
    /// multi-row statement half-way (under load that journal rewrote thousands of pages a second). For writers whose
    /// batch fails as a whole anyway.
    /// </summary>
    public const string InsertOrRollback = "INSERT OR ROLLBACK";

    /// <summary>An inserter on the context's open SQLite connection, or null when the context is not on SQLite.</summary>
    public static SqliteRowInserter? For(IncidentDbContext context) =>
        context.Database.IsSqlite() && context.Database.GetDbConnection() is SqliteConnection { Handle: { } handle }
            ? new SqliteRowInserter(context.Model, handle, Insert)
            : null;

    /// <summary>Inserts rows of the entity type <typeparamref name="T"/> in order, up to <see cref="RowsPerStatement"/> in one statement.</summary>
    public void InsertRange<T>(IReadOnlyList<T> entities)
        where T : class =>
        InsertRange(typeof(T), entities);

    /// <summary>
    /// Inserts rows of the entity type <paramref name="type"/> in order, up to <see cref="RowsPerStatement"/> in one
    /// statement: each statement also reads and writes the table's AUTOINCREMENT counter, so fewer statements cost
    /// less than the rows themselves.
    /// </summary>
    public void InsertRange(Type type, IReadOnlyList<object> entities)
    {
        for (var first = 0; first < entities.Count; first += RowsPerStatement)
        {
            var rows = Math.Min(RowsPerStatement, entities.Count - first);
            var statement = Statement(type, rows, out var shape);
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

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
            statement.Dispose();
        _statements.Clear();
    }

    internal static void Check(int result, sqlite3 db)
    {
        if (result != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(result, db);
    }

    private sqlite3_stmt Statement(Type type, int rows, out Shape shape)
    {
        shape = Shapes.GetValue(model, _ => new ConcurrentDictionary<Type, Shape>())
            .GetOrAdd(type, (t, m) => Shape.Of(m.FindEntityType(t) ?? throw new InvalidOperationException($"{t.Name} is not in the model.")), model);
        if (!_statements.TryGetValue((type, rows), out var statement))
        {
            Check(raw.sqlite3_prepare_v2(db, shape.Sql(insert, rows), out statement), db);
            _statements[(type, rows)] = statement;
        }

        return statement;
    }

    private sealed record Shape(string Table, IReadOnlyList<string> Names, SqliteInsertColumn[] Columns)
    {
        /// <summary><c>INSERT INTO "t" ("a", "b") VALUES (?1, ?2), (?3, ?4), ...</c> for the given number of rows.</summary>
        public string Sql(string insert, int rows)
        {
            var values = Enumerable.Range(0, rows)
                .Select(row => $"({string.Join(", ", Columns.Select((_, i) => $"?{(row * Columns.Length) + i + 1}"))})");
            return $"{insert} INTO \"{Table}\" ({string.Join(", ", Names)}) VALUES {string.Join(", ", values)};";
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
                    throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} is a shadow property; rows are written from mapped members only.");
                var name = property.GetColumnName(table) ?? property.Name;
                names.Add($"\"{name}\"");
                columns.Add(SqliteInsertColumn.For(property, name));
            }

            return new Shape(tableName, names, [.. columns]);
        }
    }
}
