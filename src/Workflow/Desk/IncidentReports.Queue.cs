using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

// Group commit: reports wait in a queue and one writer at a time files all that are waiting. If a shared commit
// fails, each report is filed again on its own. A caller that gives up before its report is taken withdraws it.
internal sealed partial class IncidentReports
{
    private const int MaxReportsPerCommit = 256;
    private const int GatherYields = 24;
    private const int GatherEnough = 48;
    private readonly ConcurrentQueue<QueuedReport> _queued = new();
    private int _writerRunning;
    private int _lastBatchSize;

    private async Task<DeskResult> QueueAsync(ReportRequest request, CancellationToken ct)
    {
        var queued = new QueuedReport(request);
        _queued.Enqueue(queued);
        StartWriter();
        using (ct.Register(static q => ((QueuedReport)q!).Cancel(), queued))
            return await queued.Result;
    }

    private void StartWriter()
    {
        if (Interlocked.CompareExchange(ref _writerRunning, 1, 0) == 0)
            _ = Task.Run(WriteQueuedAsync);
    }

    /// <summary>
    /// Runs while reports are queued: takes the gate, files what is waiting, gives the gate back so other writes
    /// interleave, and stops when the queue is empty. Callers wait on their own report, never on the gate.
    /// </summary>
    private async Task WriteQueuedAsync()
    {
        do
        {
            try
            {
                while (!_queued.IsEmpty)
                {
                    await GatherAsync();
                    await work.ExclusiveAsync(FileQueuedAsync);
                }
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The report writer stopped on an error; reports still queued are taken by the next writer");
            }
            finally
            {
                Volatile.Write(ref _writerRunning, 0);
            }
        }
        // A report queued after the last look but before the flag dropped would otherwise wait for the next report.
        while (!_queued.IsEmpty && Interlocked.CompareExchange(ref _writerRunning, 1, 0) == 0);
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
        for (var turn = 0; turn < GatherYields && _lastBatchSize > 1 && _queued.Count < GatherEnough; turn++)
            await Task.Yield();
    }

    /// <summary>Files the reports waiting in the queue, up to <see cref="MaxReportsPerCommit"/>; the writer holds the gate.</summary>
    private async Task FileQueuedAsync()
    {
        var batch = new List<QueuedReport>(MaxReportsPerCommit);
        while (batch.Count < MaxReportsPerCommit && _queued.TryDequeue(out var next))
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
            var results = await FileAsync(batch.Select(q => q.Request).ToList(), CancellationToken.None);
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
                    one.Complete((await FileAsync([one.Request], CancellationToken.None))[0]);
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

        public void Complete(DeskResult result) => _done.TrySetResult(result);

        public void Fail(Exception error) => _done.TrySetException(error);

        public void Cancel()
        {
            if (Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting)
                _done.TrySetCanceled();
        }
    }
}
