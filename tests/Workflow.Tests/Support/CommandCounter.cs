using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xunit.Abstractions;

namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>
/// Counts the SQL commands EF Core sends through the contexts it is registered on (<see cref="TestStore.FactoryWith"/>),
/// keeping their text: what a Desk call costs in round trips to the database. A command that carries several
/// statements (a batched SaveChanges) counts once, as it is one round trip. The SQLite report writer's own native
/// statements do not pass through EF and are not counted.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _sent = new();

    /// <summary>The text of every command sent since the last <see cref="Measure{T}"/> began.</summary>
    public IReadOnlyList<string> Sent => _sent.ToList();

    /// <summary>
    /// Runs <paramref name="call"/> and answers what it sent; with <paramref name="output"/> the figures and each
    /// command's text are written to the test's output, under <paramref name="label"/>.
    /// </summary>
    public async Task<(T Result, SqlCost Cost)> Measure<T>(string label, Func<Task<T>> call, ITestOutputHelper? output = null)
    {
        _sent.Clear();
        var result = await call();
        var sent = Sent;
        var cost = new SqlCost(sent.Count, sent.Sum(Statements));
        output?.WriteLine($"{label}: {cost.Commands} SQL command(s), {cost.Statements} statement(s)");
        foreach (var text in sent)
            output?.WriteLine("  " + string.Join(" ", text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        return (result, cost);
    }

    // EF ends each statement of a batch with a semicolon; one inside a quoted literal (the list's paged-people filter
    // writes ';') ends nothing.
    private static int Statements(string text)
    {
        var count = 0;
        var quoted = false;
        var pending = false;
        foreach (var c in text)
        {
            if (c == '\'')
                quoted = !quoted;
            if (c == ';' && !quoted)
            {
                count += pending ? 1 : 0;
                pending = false;
            }
            else if (!char.IsWhiteSpace(c))
                pending = true;
        }

        return Math.Max(1, count + (pending ? 1 : 0));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    private TResult Record<TResult>(DbCommand command, TResult result)
    {
        _sent.Enqueue(command.CommandText);
        return result;
    }
}

/// <summary>What a call sent: round trips (<see cref="Commands"/>) and the SQL statements they carried.</summary>
public sealed record SqlCost(int Commands, int Statements);
