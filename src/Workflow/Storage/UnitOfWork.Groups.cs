using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Storage;

// Group commit on SQLite: changes wait in a queue (CommitQueue) and one writer at a time runs all that are waiting,
// one after another in one transaction, each inside a savepoint of its own, and commits them together. A change that
// fails is rolled back to its savepoint and answered with its error; the others commit. Callers are answered after
// the commit.
internal sealed partial class UnitOfWork
{
    private const int MaxChangesPerCommit = 64;
    private const string Savepoint = "change";
    private CommitQueue<QueuedChange, object?>? _queue;
    private bool? _grouped;

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
        var queue = LazyInitializer.EnsureInitialized(ref _queue, () => new(
            ExclusiveAsync, CommitGroupAsync, MaxChangesPerCommit, gatherYields: 8, gatherEnough: MaxChangesPerCommit, log, "change"));
        return (T)(await queue.RunAsync(queued, ct))!;
    }

    /// <summary>
    /// Runs the changes taken from the queue in one transaction and commits them; the writer holds the gate. If the
    /// group itself fails before its commit (the transaction could not be begun or a savepoint not undone), nothing of
    /// it was saved, and each change that had not failed on its own runs again alone. If the commit fails, its outcome
    /// is unknown for every change in it.
    /// </summary>
    private async Task CommitGroupAsync(IReadOnlyList<CommitQueue<QueuedChange, object?>.Item> group)
    {
        var ran = new List<(CommitQueue<QueuedChange, object?>.Item Item, object? Result, ChangeScope? Scope)>(group.Count);
        var (sent, committed) = (false, false);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            db.Database.AutoSavepointsEnabled = false; // each change has its own savepoint, below
            await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
            using var inserter = SqliteRowInserter.For(db);
            foreach (var item in group)
            {
                if (await RunInGroupAsync(db, tx, inserter, item) is { } done)
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
            foreach (var (item, _, _) in ran)
                item.Fail(ex);
            return;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Committing {Count} changes together failed before the commit; running each on its own", group.Count);
            foreach (var item in group.Where(c => !c.IsAnswered))
                await item.Request.RunAloneAsync(item);
            return;
        }

        foreach (var (item, result, scope) in ran)
        {
            if (scope is not null)
                Count(scope);
            item.Complete(result);
        }
    }

    /// <summary>
    /// Runs one change of a group inside its own savepoint; answers what it produced, or null when it failed (its
    /// caller already has the error). A version clash runs it again, as <see cref="RunAloneAsync{T}"/> does.
    /// </summary>
    private async Task<(CommitQueue<QueuedChange, object?>.Item, object?, ChangeScope?)?> RunInGroupAsync(
        IncidentDbContext db, IDbContextTransaction tx, SqliteRowInserter? inserter, CommitQueue<QueuedChange, object?>.Item item)
    {
        var change = item.Request;
        for (var attempt = 1; ; attempt++)
        {
            await tx.CreateSavepointAsync(Savepoint, CancellationToken.None);
            var scope = new ChangeScope(db, _planner, _views, time.GetUtcNow(), Overrides, inserter);
            try
            {
                var result = await change.Run(scope);
                await scope.SaveAsync(CancellationToken.None);
                await tx.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
                return (item, result, scope);
            }
            catch (Exception ex)
            {
                // Undone here, so what the change wrote before it failed does not reach the commit of the others.
                await tx.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
                await tx.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
                if (ex is DbUpdateException conflict && change.OnConflict is { } answer)
                    return (item, answer(conflict), null);
                if (ex is DbUpdateException && attempt < MaxAttempts)
                {
                    log.LogDebug(ex, "A change raced another, retrying (attempt {Attempt})", attempt);
                    continue;
                }

                item.Fail(ex);
                return null;
            }
            finally
            {
                // The next change starts from what is stored, as it would in a context of its own.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A change waiting in the queue: how to run it in a group, how to answer a conflict, and how to run it alone.</summary>
    private sealed record QueuedChange(
        Func<ChangeScope, Task<object?>> Run, Func<DbUpdateException, object?>? OnConflict, Func<Task<object?>> Alone)
    {
        /// <summary>Runs the change in a transaction of its own; called by the writer, which holds the gate already.</summary>
        public async Task RunAloneAsync(CommitQueue<QueuedChange, object?>.Item item)
        {
            try
            {
                item.Complete(await Alone());
            }
            catch (Exception ex)
            {
                item.Fail(ex);
            }
        }
    }
}
