using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Group commit's queue, for a database with one writer: callers queue their work and wait for its answer, and one
/// writer at a time takes everything waiting (up to <paramref name="most"/>) and hands it to <paramref name="write"/>,
/// inside <paramref name="exclusive"/> (the write gate), which answers each item. While items arrive together (the last
/// group had more than one) the writer first lets the requests already being handled reach the queue, up to
/// <paramref name="gatherYields"/> turns of the thread pool or until <paramref name="gatherEnough"/> wait: fewer,
/// larger transactions. A lone item is written at once. A caller that gives up before its item is taken withdraws it.
/// </summary>
internal sealed class CommitQueue<TRequest, TResult>(
    Func<Func<Task>, Task> exclusive,
    Func<IReadOnlyList<CommitQueue<TRequest, TResult>.Item>, Task> write,
    int most,
    int gatherYields,
    int gatherEnough,
    ILogger log,
    string what)
{
    private readonly ConcurrentQueue<Item> _queued = new();
    private int _writerRunning;
    private int _lastGroupSize;

    /// <summary>Queues <paramref name="request"/> and answers its result once a writer has written it.</summary>
    public async Task<TResult> RunAsync(TRequest request, CancellationToken ct)
    {
        var item = new Item(request);
        _queued.Enqueue(item);
        StartWriter();
        using (ct.Register(static i => ((Item)i!).Withdraw(), item))
            return await item.Result;
    }

    private void StartWriter()
    {
        if (Interlocked.CompareExchange(ref _writerRunning, 1, 0) == 0)
            _ = Task.Run(WriteQueuedAsync);
    }

    /// <summary>
    /// Runs while items are queued: takes the gate, writes what is waiting, gives the gate back so other writes
    /// interleave, and stops when the queue is empty. Callers wait on their own item, never on the gate.
    /// </summary>
    private async Task WriteQueuedAsync()
    {
        do
        {
            try
            {
                while (!_queued.IsEmpty)
                {
                    for (var turn = 0; turn < gatherYields && _lastGroupSize > 1 && _queued.Count < gatherEnough; turn++)
                        await Task.Yield();
                    await exclusive(WriteWaitingAsync);
                }
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The {What} writer stopped on an error; what is still queued is taken by the next writer", what);
            }
            finally
            {
                Volatile.Write(ref _writerRunning, 0);
            }
        }
        // An item queued after the last look but before the flag dropped would otherwise wait for the next one.
        while (!_queued.IsEmpty && Interlocked.CompareExchange(ref _writerRunning, 1, 0) == 0);
    }

    private async Task WriteWaitingAsync()
    {
        var group = new List<Item>(most);
        while (group.Count < most && _queued.TryDequeue(out var next))
        {
            if (next.Take())
                group.Add(next);
        }

        _lastGroupSize = group.Count;
        if (group.Count == 0)
            return;
        try
        {
            await write(group);
        }
        catch (Exception ex)
        {
            // The writer answers every item; one it left unanswered must not wait for ever.
            foreach (var item in group)
                item.Fail(ex);
            throw;
        }
    }

    /// <summary>An item waiting for a writer: taken by exactly one writer, or withdrawn by its cancelled caller first.</summary>
    public sealed class Item(TRequest request)
    {
        private const int Waiting = 0;
        private const int Taken = 1;
        private const int Withdrawn = 2;
        private readonly TaskCompletionSource<TResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state = Waiting;

        public TRequest Request => request;

        public Task<TResult> Result => _done.Task;

        public bool IsAnswered => _done.Task.IsCompleted;

        public void Complete(TResult result) => _done.TrySetResult(result);

        public void Fail(Exception error) => _done.TrySetException(error);

        internal bool Take() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

        internal void Withdraw()
        {
            if (Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting)
                _done.TrySetCanceled();
        }
    }
}
