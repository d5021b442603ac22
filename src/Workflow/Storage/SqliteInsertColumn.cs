using System.Buffers;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// One column of a <see cref="SqliteInserts"/> statement: a compiled binder that reads the member, converts it with
/// the EF model's value converter (nulls are not converted, as in EF) and binds the provider value by position,
/// without boxing. Provider types are limited to what SQLite stores natively (integers, reals, text, blobs);
/// anything else is refused when the binder is built, so no value is ever written differently from EF.
/// </summary>
internal sealed class SqliteInsertColumn
{
    private const int StackTextBytes = 1024;
    private readonly Func<sqlite3_stmt, int, object, int> _bind;

    private SqliteInsertColumn(string name, Func<sqlite3_stmt, int, object, int> bind)
    {
        Name = name;
        _bind = bind;
    }

    public string Name { get; }

    /// <summary>Binds the entity's value to parameter <paramref name="index"/> (1-based); SQLite's result code.</summary>
    public int Bind(sqlite3_stmt statement, int index, object entity) => _bind(statement, index, entity);

    public static SqliteInsertColumn For(IProperty property, string name)
    {
        var member = (MemberInfo?)property.PropertyInfo ?? property.FieldInfo
            ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} has no member to read.");
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var index = Expression.Parameter(typeof(int), "index");
        var entity = Expression.Parameter(typeof(object), "entity");
        var value = Expression.Variable(property.ClrType, "value");

        var read = Expression.MakeMemberAccess(Expression.Convert(entity, member.DeclaringType!), member);
        var underlying = Nullable.GetUnderlyingType(property.ClrType);
        Expression present = underlying is null ? value : Expression.Property(value, nameof(Nullable<int>.Value));
        if (property.GetRelationalTypeMapping().Converter is { } converter)
        {
            var convert = converter.ConvertToProviderExpression;
            var input = convert.Parameters[0].Type;
            present = Expression.Invoke(convert, present.Type == input ? present : Expression.Convert(present, input));
        }

        var bind = BindCall(property, statement, index, present);
        Expression? isNull = underlying is not null
            ? Expression.Not(Expression.Property(value, nameof(Nullable<int>.HasValue)))
            : property.ClrType.IsValueType ? null : Expression.ReferenceEqual(value, Expression.Constant(null));
        Expression body = isNull is null ? bind : Expression.Condition(isNull, Expression.Call(Method(nameof(Null)), statement, index), bind);

        var lambda = Expression.Lambda<Func<sqlite3_stmt, int, object, int>>(
            Expression.Block([value], Expression.Assign(value, Expression.Convert(read, property.ClrType)), body), statement, index, entity);
        return new SqliteInsertColumn(name, lambda.Compile());
    }

    private static MethodCallExpression BindCall(IProperty property, ParameterExpression statement, ParameterExpression index, Expression value)
    {
        var type = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        if (type != value.Type)
            value = Expression.Convert(value, type); // a converter that yields a nullable type: EF never passes it a null
        if (type == typeof(string))
            return Expression.Call(Method(nameof(Text)), statement, index, value);
        if (type == typeof(byte[]))
            return Expression.Call(Method(nameof(Blob)), statement, index, value);
        if (type == typeof(bool))
            return Expression.Call(Method(nameof(Integer)), statement, index, Expression.Condition(value, Expression.Constant(1L), Expression.Constant(0L)));
        if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte))
            return Expression.Call(Method(nameof(Integer)), statement, index, Expression.Convert(value, typeof(long)));
        if (type == typeof(double) || type == typeof(float))
            return Expression.Call(Method(nameof(Real)), statement, index, Expression.Convert(value, typeof(double)));
        throw new InvalidOperationException(
            $"{property.DeclaringType.DisplayName()}.{property.Name} is stored as {type.Name}, which SqliteInserts does not bind.");
    }

    private static MethodInfo Method(string name) =>
        typeof(SqliteInsertColumn).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Nothing to bind: every parameter is NULL already, as <see cref="SqliteInserts"/> clears a statement's bindings
    /// after each run and never reuses a statement a failed run left half-bound (a test holds this).
    /// </summary>
    private static int Null(sqlite3_stmt statement, int index) => raw.SQLITE_OK;

    /// <summary>
    /// Text as UTF-8, encoded the way the string overload encodes it but into a stack or pooled buffer instead of a new
    /// array per value (SQLite copies it). An empty string stays an empty TEXT, not NULL (a test holds this).
    /// </summary>
    private static int Text(sqlite3_stmt statement, int index, string value)
    {
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most <= StackTextBytes)
        {
            Span<byte> bytes = stackalloc byte[most];
            return raw.sqlite3_bind_text(statement, index, bytes[..Encoding.UTF8.GetBytes(value, bytes)]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(most);
        try
        {
            return raw.sqlite3_bind_text(statement, index, rented.AsSpan(0, Encoding.UTF8.GetBytes(value, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Blob(sqlite3_stmt statement, int index, byte[] value) => raw.sqlite3_bind_blob(statement, index, value);

    private static int Integer(sqlite3_stmt statement, int index, long value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int Real(sqlite3_stmt statement, int index, double value) => raw.sqlite3_bind_double(statement, index, value);
}
