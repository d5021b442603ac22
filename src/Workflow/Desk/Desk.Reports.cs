using System.Collections.Concurrent;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

public sealed partial class Desk
{
    private const long ReportNumberLock = 0x494E_432D_4E55; // shared by every replica
    private const int MaxReportsPerCommit = 256;
    private const int GatherYields = 24;
    private const int GatherEnough = 48;
    private readonly ConcurrentQueue<QueuedReport> _queuedReports = new();
    private int _reportWriterRunning;
    private int _lastBatchSize;
    private SqliteInserts? _inserts;
    private bool _insertsLookedUp;

    /// <summary>
    /// Files a new incident. Where one write runs at a time (SQLite, InMemory), reports wait in a queue and one
    /// writer files all that are waiting in one transaction (group commit): each still gets its own number,
    /// timeline, timers and outbox notices, and nobody is answered before the commit. If that shared commit fails,
    /// each report is filed again on its own. A caller that gives up before its report is taken withdraws it.
    /// </summary>
    public async Task<DeskResult> ReportAsync(Actor who, IncidentReport report, CancellationToken ct = default)
    {
        if (report.Problem(plan) is { } problem)
            return DeskResult.Invalid(problem);
        if (!gate.Serialises)
            return await ReportAsync(who, report, also: null, ct);

        var queued = new QueuedReport(new ReportRequest(who, report, Also: null));
        _queuedReports.Enqueue(queued);
        StartReportWriter();
        using (ct.Register(static q => ((QueuedReport)q!).Cancel(), queued))
            return await queued.Result;
    }

    private void StartReportWriter()
    {
        if (Interlocked.CompareExchange(ref _reportWriterRunning, 1, 0) == 0)
            _ = Task.Run(WriteQueuedReportsAsync);
    }

    /// <summary>
    /// Runs while reports are queued: takes the gate, files what is waiting, gives the gate back so other writes
    /// interleave, and stops when the queue is empty. Callers wait on their own report, never on the gate.
    /// </summary>
    private async Task WriteQueuedReportsAsync()
    {
        do
        {
            try
            {
                while (!_queuedReports.IsEmpty)
                {
                    await GatherAsync();
                    using (await gate.EnterAsync(CancellationToken.None))
                        await FileQueuedReportsAsync();
                }
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The report writer stopped on an error; reports still queued are taken by the next writer");
            }
            finally
            {
                Volatile.Write(ref _reportWriterRunning, 0);
            }
        }
        // A report queued after the last look but before the flag dropped would otherwise wait for the next report.
        while (!_queuedReports.IsEmpty && Interlocked.CompareExchange(ref _reportWriterRunning, 1, 0) == 0);
    }

    /// <summary>
    /// Group-commit window: while reports arrive together (the last transaction filed more than one), the writer lets
    /// the requests already being handled reach the queue before it takes a batch, up to <see cref="GatherYields"/>
    /// turns of the thread pool or until <see cref="GatherEnough"/> are waiting. Fewer, larger transactions write fewer
    /// pages per report (each commit rewrites the last page of every table and index it touches). A lone report is
    /// filed at once.
    /// </summary>
    private async Task GatherAsync()
    {
        for (var turn = 0; turn < GatherYields && _lastBatchSize > 1 && _queuedReports.Count < GatherEnough; turn++)
            await Task.Yield();
    }

    // also: staged in the same transaction once the incident has its number (a promoted ticket's link).
    private async Task<DeskResult> ReportAsync(Actor who, IncidentReport report, Action<IncidentDbContext, Incident>? also, CancellationToken ct)
    {
        if (report.Problem(plan) is { } problem)
            return DeskResult.Invalid(problem);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var _ = await gate.EnterAsync(ct);
                return (await FileReportsAsync([new ReportRequest(who, report, also)], ct))[0];
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && ex is not DbUpdateConcurrencyException)
            {
                // Another replica took the same number; the next attempt reads the new maximum.
                log.LogDebug(ex, "Incident number taken, retrying (attempt {Attempt})", attempt);
            }
        }
    }

    /// <summary>Files the reports waiting in the queue, up to <see cref="MaxReportsPerCommit"/>; the writer holds the gate.</summary>
    private async Task FileQueuedReportsAsync()
    {
        var batch = new List<QueuedReport>(MaxReportsPerCommit);
        while (batch.Count < MaxReportsPerCommit && _queuedReports.TryDequeue(out var next))
        {
            if (next.Take())
                batch.Add(next);
        }

        _lastBatchSize = batch.Count;
        if (batch.Count == 0)
            return;

        // The work is shared by every waiting caller, so no single caller's cancellation may stop it half-way.
        try
        {
            var requests = batch.Select(q => q.Request).ToList();
            var results = await InsertsAsync() is { } inserts
                ? await FileReportsAsync(inserts, requests, CancellationToken.None)
                : await FileReportsAsync(requests, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Complete(results[i]);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            log.LogWarning(ex, "Filing {Count} reports in one transaction failed; filing each on its own", batch.Count);
            foreach (var one in batch)
            {
                try
                {
                    one.Complete((await FileReportsAsync([one.Request], CancellationToken.None))[0]);
                }
                catch (Exception single)
                {
                    one.Fail(single);
                }
            }
        }
        catch (Exception ex)
        {
            batch[0].Fail(ex);
        }
    }

    /// <summary>One transaction: numbers the reports in order, stages each incident with its timeline, timers and notices.</summary>
    private async Task<IReadOnlyList<DeskResult>> FileReportsAsync(IReadOnlyList<ReportRequest> requests, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // Replicas share the database, not the write gate: numbering waits on a transaction lock
            // so ids stay gap-free and sequential instead of racing and retrying.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ReportNumberLock], ct);
        }

        var drafts = Draft(requests, await db.Incidents.MaxAsync(i => (int?)i.Number, ct) ?? 0);
        for (var i = 0; i < drafts.Count; i++)
        {
            db.Incidents.Add(drafts[i].Incident);
            requests[i].Also?.Invoke(db, drafts[i].Incident);
            Add(db, drafts[i].Change, existingTimers: []);
        }

        var filed = drafts.Select(d => d.Incident).ToList();
        await db.SaveChangesAsync(ct);
        var views = await CommitAsync(tx, filed, ct);
        return Answer(requests, filed, views);
    }

    /// <summary>
    /// The same transaction on SQLite without change tracking: the rows are all new, so nothing needs tracking, and
    /// EF's per-row bookkeeping was most of the cost of a report.
    /// </summary>
    private async Task<IReadOnlyList<DeskResult>> FileReportsAsync(SqliteInserts inserts, IReadOnlyList<ReportRequest> requests, CancellationToken ct)
    {
        await using var batch = await inserts.BeginAsync(ct);
        var last = checked((int)(batch.Number("SELECT MAX(\"Number\") FROM \"incidents\"") ?? 0));
        var drafts = Draft(requests, last);
        // Table by table, so each table takes many rows per statement; within a table the order is the reports' order.
        var filed = drafts.Select(d => d.Incident).ToList();
        batch.InsertRange(filed);
        batch.InsertRange(drafts.SelectMany(d => d.Change.Timeline).ToList());
        batch.InsertRange(drafts.SelectMany(d => d.Change.Outbox).ToList());
        batch.InsertRange(drafts.SelectMany(d => d.Change.Timers).ToList());

        var views = await CommitAsync(batch.CommitAsync, filed, ct);
        return Answer(requests, filed, views);
    }

    /// <summary>Numbers the reports in order after <paramref name="last"/>; each new incident with the rows it adds.</summary>
    private List<(Incident Incident, StagedChange Change)> Draft(IReadOnlyList<ReportRequest> requests, int last)
    {
        var drafts = new List<(Incident, StagedChange)>(requests.Count);
        foreach (var request in requests)
        {
            var incident = Incident.Report(++last, request.Report, request.Who, Context());
            drafts.Add((incident, Prepare(incident)));
        }

        return drafts;
    }

    private IReadOnlyList<DeskResult> Answer(IReadOnlyList<ReportRequest> requests, IReadOnlyList<Incident> filed, IReadOnlyList<IncidentView> views)
    {
        var results = new DeskResult[filed.Count];
        for (var i = 0; i < filed.Count; i++)
        {
            var incident = filed[i];
            results[i] = new DeskResult(DeskStatus.Done, ReportAnswer.Text(plan, incident), views[i]);
        }

        // One line per transaction: during a storm of reports a line per incident would hold up the writer.
        if (filed.Count == 1)
            log.LogInformation("{Incident} reported by {Actor} as {Severity}", filed[0].Id, requests[0].Who.Id, filed[0].SeverityId);
        else
            log.LogInformation("{Count} incidents reported in one transaction: {First} to {Last}", filed.Count, filed[0].Id, filed[^1].Id);
        for (var i = 0; filed.Count > 1 && log.IsEnabled(LogLevel.Debug) && i < filed.Count; i++)
            log.LogDebug("{Incident} reported by {Actor} as {Severity}", filed[i].Id, requests[i].Who.Id, filed[i].SeverityId);
        return results;
    }

    // Looked up once, by the report writer only.
    private async Task<SqliteInserts?> InsertsAsync()
    {
        if (!_insertsLookedUp)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            _inserts = SqliteInserts.For(db);
            _insertsLookedUp = true;
        }

        return _inserts;
    }

    /// <summary>Closes the report writer's SQLite connection once no report is being written.</summary>
    public async ValueTask DisposeAsync()
    {
        using (await gate.EnterAsync(CancellationToken.None))
        {
            if (_inserts is { } inserts)
                await inserts.DisposeAsync();
            _inserts = null; // a report that still arrives is filed through EF
        }
    }

    private sealed record ReportRequest(Actor Who, IncidentReport Report, Action<IncidentDbContext, Incident>? Also);

    /// <summary>A report waiting for a writer: taken by exactly one writer, or withdrawn by its cancelled caller first.</summary>
    private sealed class QueuedReport(ReportRequest request)
    {
        private const int Waiting = 0;
        private const int Taken = 1;
        private const int Withdrawn = 2;
        private readonly TaskCompletionSource<DeskResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state = Waiting;

        public ReportRequest Request => request;
        public Task<DeskResult> Result => _done.Task;

        public bool Take() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

        public bool Withdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting;

        public void Complete(DeskResult result) => _done.TrySetResult(result);

        public void Fail(Exception error) => _done.TrySetException(error);

        public void Cancel()
        {
            if (Withdraw())
                _done.TrySetCanceled();
        }
    }
}
