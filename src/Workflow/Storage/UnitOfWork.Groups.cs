using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Storage;

// Group commit on SQLite: changes wait in a queue and one writer at a time runs all that are waiting, one after
// another in one transaction, each inside a savepoint of its own, and commits them together. A change that fails is
// rolled back to its savepoint and answered with its error; the others commit. Callers are answered after the commit.
internal sealed partial class UnitOfWork
{
    private const int MaxChangesPerCommit = 64;
    private const int GatherYields = 8;
    private const string Savepoint = "change";
    private readonly ConcurrentQueue<QueuedChange> _queued = new();
    private bool? _grouped;
    private int _writerRunning;
    private int _lastGroupSize;

    /// <summary>
    /// True where changes are committed in groups: one writer at a time (the gate serialises) on a database with
    /// savepoints, which is SQLite. There a commit costs about as much as the change itself, and every change that waits
    /// for the gate would otherwise wait for the one before it to be handed the gate, run, and commit.
    /// </summary>
    private bool Grouped => _grouped ??= gate.Serialises && IsSqlite();

    private bool IsSqlite()
    {
        using var db = dbFactory.CreateDbContext();
        return db.Database.IsSqlite();
    }

    private async Task<T> RunGroupedAsync<T>(Func<ChangeScope, Task<T>> change, CancellationToken ct, Func<DbUpdateException, T>? onConflict)
    {
        var queued = new QueuedChange(
            async scope => await change(scope),
            onConflict is null ? null : ex => onConflict(ex),
            () => RunAloneAsync(async s => (object?)await change(s), CancellationToken.None, onConflict is null ? null : ex => onConflict(ex), gateHeld: true));
        _queued.Enqueue(queued);
        StartWriter();
        using (ct.Register(static q => ((QueuedChange)q!).Withdraw(), queued))
            return (T)(await queued.Result)!;
    }

    private void StartWriter()
    {
        if (Interlocked.CompareExchange(ref _writerRunning, 1, 0) == 0)
            _ = Task.Run(WriteQueuedAsync);
    }

    /// <summary>Runs while changes are queued: takes the gate, commits what is waiting, gives the gate back, and stops when the queue is empty.</summary>
    private async Task WriteQueuedAsync()
    {
        do
        {
            try
            {
                while (!_queued.IsEmpty)
                {
                    // While changes arrive together, let the requests already being handled reach the queue first.
                    for (var turn = 0; turn < GatherYields && _lastGroupSize > 1 && _queued.Count < MaxChangesPerCommit; turn++)
                        await Task.Yield();
                    using (await gate.EnterAsync(CancellationToken.None))
                        await CommitQueuedAsync();
                }
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The change writer stopped on an error; changes still queued are taken by the next writer");
            }
            finally
            {
                Volatile.Write(ref _writerRunning, 0);
            }
        }
        // A change queued after the last look but before the flag dropped would otherwise wait for the next change.
        while (!_queued.IsEmpty && Interlocked.CompareExchange(ref _writerRunning, 1, 0) == 0);
    }

    /// <summary>
    /// Runs the waiting changes in one transaction and commits them. If the group itself fails before its commit (the
    /// transaction could not be begun or a savepoint not undone), nothing of it was saved, and each change that had not
    /// failed on its own runs again alone. If the commit fails, its outcome is unknown for every change in it.
    /// </summary>
    private async Task CommitQueuedAsync()
    {
        var group = new List<QueuedChange>(MaxChangesPerCommit);
        while (group.Count < MaxChangesPerCommit && _queued.TryDequeue(out var next))
        {
            if (next.Take())
                group.Add(next);
        }

        _lastGroupSize = group.Count;
        if (group.Count == 0)
            return;

        var ran = new List<(QueuedChange Change, object? Result, ChangeScope? Scope)>(group.Count);
        var (sent, committed) = (false, false);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            db.Database.AutoSavepointsEnabled = false; // each change has its own savepoint, below
            await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
            using var inserter = SqliteRowInserter.For(db);
            foreach (var change in group)
            {
                if (await RunInGroupAsync(db, tx, inserter, change) is { } done)
                    ran.Add(done);
            }

            sent = true;
            await CommitAsync(tx.CommitAsync, [.. ran.Where(r => r.Scope is not null).SelectMany(r => r.Scope!.Committed)], views, CancellationToken.None);
            committed = true;
        }
        catch (Exception ex) when (committed)
        {
            log.LogWarning(ex, "Closing a committed group of changes failed; the changes are saved");
        }
        catch (Exception ex) when (sent)
        {
            foreach (var (change, _, _) in ran)
                change.Fail(ex);
            return;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Committing {Count} changes together failed before the commit; running each on its own", group.Count);
            foreach (var change in group.Where(c => !c.IsAnswered))
                await change.RunAloneAsync();
            return;
        }

        foreach (var (change, result, scope) in ran)
        {
            if (scope is not null)
                Count(scope);
            change.Complete(result);
        }
    }

    /// <summary>
    /// Runs one change of a group inside its own savepoint; answers what it produced, or null when it failed (its
    /// caller already has the error). A version clash runs it again, as <see cref="RunAloneAsync{T}"/> does.
    /// </summary>
    private async Task<(QueuedChange, object?, ChangeScope?)?> RunInGroupAsync(IncidentDbContext db, IDbContextTransaction tx, SqliteRowInserter? inserter, QueuedChange change)
    {
        for (var attempt = 1; ; attempt++)
        {
            await tx.CreateSavepointAsync(Savepoint, CancellationToken.None);
            var scope = new ChangeScope(db, _planner, _views, time.GetUtcNow(), Overrides, inserter);
            try
            {
                var result = await change.Run(scope);
                await scope.SaveAsync(CancellationToken.None);
                await tx.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
                return (change, result, scope);
            }
            catch (Exception ex)
            {
                // Undone here, so what the change wrote before it failed does not reach the commit of the others.
                await tx.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
                await tx.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
                if (ex is DbUpdateException conflict && change.OnConflict is { } answer)
                    return (change, answer(conflict), null);
                if (ex is DbUpdateException && attempt < MaxAttempts)
                {
                    log.LogDebug(ex, "A change raced another, retrying (attempt {Attempt})", attempt);
                    continue;
                }

                change.Fail(ex);
                return null;
            }
            finally
            {
                // The next change starts from what is stored, as it would in a context of its own.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A change waiting for the writer: taken by exactly one writer, or withdrawn by its cancelled caller first.</summary>
    private sealed class QueuedChange(
        Func<ChangeScope, Task<object?>> run,
        Func<DbUpdateException, object?>? onConflict,
        Func<Task<object?>> alone)
    {
        private const int Waiting = 0;
        private const int Taken = 1;
        private const int Withdrawn = 2;
        private readonly TaskCompletionSource<object?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state = Waiting;

        public Func<ChangeScope, Task<object?>> Run => run;
        public Func<DbUpdateException, object?>? OnConflict => onConflict;
        public Task<object?> Result => _done.Task;
        public bool IsAnswered => _done.Task.IsCompleted;

        public bool Take() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

        public void Complete(object? result) => _done.TrySetResult(result);

        public void Fail(Exception error) => _done.TrySetException(error);

        public void Withdraw()
        {
            if (Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting)
                _done.TrySetCanceled();
        }

        /// <summary>Runs the change in a transaction of its own; called by the writer, which holds the gate already.</summary>
        public async Task RunAloneAsync()
        {
            try
            {
                Complete(await alone());
            }
            catch (Exception ex)
            {
                Fail(ex);
            }
        }
    }
}
