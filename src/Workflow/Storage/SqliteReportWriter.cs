using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// The <see cref="IReportWriter"/> for SQLite: the same transaction without change tracking, through
/// <see cref="SqliteInserts"/>. The rows are all new, so nothing needs tracking, and EF's per-row bookkeeping was most
/// of the cost of a report. Table by table, so each table takes many rows per statement; within a table the rows
/// keep the reports' order (a report's extra rows before its own, as the EF writer adds them).
/// </summary>
internal sealed class SqliteReportWriter(IDbContextFactory<IncidentDbContext> dbFactory, IncidentViewCache? views = null) : IReportWriter
{
    private SqliteInserts? _inserts;

    public async Task<IReadOnlyList<NewIncident>> FileAsync(int count, Func<int, int, NewIncident> draft, CancellationToken ct)
    {
        var inserts = await InsertsAsync(ct);
        await using var batch = await inserts.BeginAsync(ct);
        var last = checked((int)(batch.Number("SELECT MAX(\"Number\") FROM \"incidents\"") ?? 0));
        var filed = new NewIncident[count];
        for (var i = 0; i < count; i++)
            filed[i] = draft(i, last + i + 1);

        batch.InsertRange(filed.Select(f => f.Incident).ToList());
        batch.InsertRange(filed.SelectMany(f => f.Extra.OfType<TimelineEntry>().Concat(f.Rows.Timeline)).ToList());
        batch.InsertRange(filed.SelectMany(f => f.Rows.Outbox).ToList());
        batch.InsertRange(filed.SelectMany(f => f.Rows.Timers).ToList());
        foreach (var others in filed.SelectMany(f => f.Extra).Where(r => r is not TimelineEntry).GroupBy(r => r.GetType()))
            batch.InsertRange(others.Key, others.ToList());

        await UnitOfWork.CommitAsync(batch.CommitAsync, filed.Select(f => f.View).ToList(), views, ct);
        return filed;
    }

    // Opened by the first batch; a writer used again after it was disposed opens a new connection.
    private async ValueTask<SqliteInserts> InsertsAsync(CancellationToken ct)
    {
        if (_inserts is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            _inserts = SqliteInserts.For(db) ?? throw new InvalidOperationException("SqliteReportWriter needs a SQLite database.");
        }

        return _inserts;
    }

    /// <summary>Closes the writer's SQLite connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_inserts is { } inserts)
            await inserts.DisposeAsync();
        _inserts = null;
    }
}
