using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Observability;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Runs one change as one transaction, the only place (with the report writers) a transaction is opened: takes
/// the write gate, opens a context and a transaction, runs the change against a <see cref="ChangeScope"/> (which
/// loads the subject for change and stages the rows the change adds), saves, commits, and hands the views it
/// committed to the <see cref="IncidentViewCache"/>. A <see cref="DbUpdateException"/> (someone changed the subject
/// since it was loaded: a version or timer clash, a key another replica took) runs the whole change again from a
/// fresh context, up to <see cref="MaxAttempts"/> times, so it is decided again on what is stored now. On SQLite the
/// changes waiting for the one writer are committed in groups (<c>UnitOfWork.Groups.cs</c>).
/// </summary>
internal sealed partial class UnitOfWork(
    IDbContextFactory<IncidentDbContext> dbFactory,
    WriteGate gate,
    ResponsePlan plan,
    TimeProvider time,
    ILogger log,
    IncidentViewCache? views = null,
    WorkflowMetrics? metrics = null)
{
    public const int MaxAttempts = 8;

    private readonly TimerPlanner _planner = new(plan, new SlaCalculator(plan));
    private readonly IncidentViewFactory _views = new(plan);

    /// <summary>The on-call overrides this desk read last, shared by its changes and reads; see <see cref="OnCallOverrideCache"/>.</summary>
    public OnCallOverrideCache Overrides { get; } = new();

    /// <summary>
    /// Runs <paramref name="change"/> in a transaction and commits what it staged. With <paramref name="onConflict"/>
    /// a <see cref="DbUpdateException"/> is answered by it instead of retried (a row that may exist once, written twice).
    /// A commit that fails after it was sent throws <see cref="OutcomeUnknownException"/> and the views are forgotten.
    /// </summary>
    public Task<T> RunAsync<T>(Func<ChangeScope, Task<T>> change, CancellationToken ct, Func<DbUpdateException, T>? onConflict = null) =>
        Grouped ? RunGroupedAsync(change, ct, onConflict) : RunAloneAsync(change, ct, onConflict);

    // gateHeld: the caller holds the gate already (the group writer running a change of a failed group again).
    private async Task<T> RunAloneAsync<T>(
        Func<ChangeScope, Task<T>> change, CancellationToken ct, Func<DbUpdateException, T>? onConflict, bool gateHeld = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var _ = gateHeld ? null : await gate.EnterAsync(ct);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var scope = new ChangeScope(db, _planner, _views, time.GetUtcNow(), Overrides);
                var result = await change(scope);
                await scope.SaveAsync(ct);
                await CommitAsync(tx.CommitAsync, scope.Committed, views, ct);
                Count(scope);
                return result;
            }
            catch (DbUpdateException ex) when (onConflict is not null)
            {
                return onConflict(ex);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                log.LogDebug(ex, "A change raced another, retrying (attempt {Attempt})", attempt);
            }
        }
    }

    // The change is committed: a failure to count it must not turn it into an error for the person who made it.
    private void Count(ChangeScope scope)
    {
        try
        {
            if (metrics is not null)
                scope.Count(metrics);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "A committed change could not be counted in the metrics");
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> under the write gate, again while <paramref name="retry"/> says a failure is worth
    /// another attempt (a report number another replica took). For work that opens its own transaction: the report writers.
    /// </summary>
    public async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> work, Func<DbUpdateException, bool> retry, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var _ = await gate.EnterAsync(ct);
                return await work(ct);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && retry(ex))
            {
                log.LogDebug(ex, "A write raced another, retrying (attempt {Attempt})", attempt);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> alone under the write gate, uncancelled: work shared by several callers.</summary>
    public async Task ExclusiveAsync(Func<Task> work)
    {
        using (await gate.EnterAsync(CancellationToken.None))
            await work();
    }

    /// <summary>
    /// Commits and hands <paramref name="committed"/> to the cache. If the commit fails its outcome is unknown, so the
    /// views are forgotten instead and the next read of those incidents goes to the database.
    /// </summary>
    public static async Task CommitAsync(
        Func<CancellationToken, Task> commit, IReadOnlyList<IncidentView> committed, IncidentViewCache? views, CancellationToken ct)
    {
        try
        {
            await OutcomeUnknownException.CommitAsync(commit, ct);
        }
        catch
        {
            foreach (var view in committed)
                views?.Forget(view.Number);
            throw;
        }

        foreach (var view in committed)
            views?.PutCommitted(view);
    }
}
