using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Alerts;

// Deliveries wait in a queue and one writer at a time takes a round of them: during a storm a thousand deliveries a
// second become a few transactions, not a thousand. A round never holds the same group twice; a delivery that would
// waits for the next round, so each group's news is decided in the order it came.
internal sealed partial class AlertIntake : IAlertIntake
{
    private const int MaxGroupsPerRound = 500;
    private const int GatherYields = 16;
    private readonly ConcurrentQueue<Pending> _queued = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private int _lastRound;

    public async Task<AlertIntakeResult> IngestAsync(AlertBatch batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (plan.FindAlertSource(batch.Source) is null)
            throw new ArgumentException($"No alert source '{batch.Source}' in the response plan.", nameof(batch));
        if (batch.Groups.Count == 0)
            return new AlertIntakeResult([]);

        // A delivery naming one group twice says the later thing last: that is what counts.
        var groups = batch.Groups.GroupBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var pending = new Pending(new AlertBatch(plan.FindAlertSource(batch.Source)!.Id, groups));
        _queued.Enqueue(pending);
        _ = Task.Run(DrainAsync, CancellationToken.None);
        return await pending.Done.Task.WaitAsync(ct);
    }

    // Whoever gets the writer runs rounds until the queue is empty; the others leave, their deliveries already queued.
    private async Task DrainAsync()
    {
        while (!_queued.IsEmpty)
        {
            if (!await _writer.WaitAsync(0))
                return;
            try
            {
                while (!_queued.IsEmpty)
                {
                    for (var turn = 0; turn < GatherYields && _lastRound > 1 && _queued.Count < MaxGroupsPerRound; turn++)
                        await Task.Yield();
                    await RunQueuedRoundAsync();
                }
            }
            finally
            {
                _writer.Release();
            }
        }
    }

    private async Task RunQueuedRoundAsync()
    {
        var round = Take();
        _lastRound = round.Count;
        if (round.Count == 0)
            return;
        try
        {
            var outcomes = await RunRoundAsync(round.Select(p => p.Batch).ToList(), CancellationToken.None);
            var at = 0;
            foreach (var pending in round)
            {
                pending.Done.TrySetResult(new AlertIntakeResult(outcomes.Skip(at).Take(pending.Batch.Groups.Count).ToList()));
                at += pending.Batch.Groups.Count;
            }
        }
        catch (Exception ex) when (round.Count > 1)
        {
            log.LogWarning(ex, "Taking {Count} alert deliveries in one round failed; taking each on its own", round.Count);
            foreach (var pending in round)
            {
                try
                {
                    pending.Done.TrySetResult(new AlertIntakeResult(await RunRoundAsync([pending.Batch], CancellationToken.None)));
                }
                catch (Exception single)
                {
                    pending.Done.TrySetException(single);
                }
            }
        }
        catch (Exception ex)
        {
            log.LogError(ex, "An alert delivery from {Source} could not be taken in; the sender is answered with an error and will retry", round[0].Batch.Source);
            round[0].Done.TrySetException(ex);
        }
    }

    // Deliveries in the order they came, up to MaxGroupsPerRound groups (at least one delivery), stopping before a
    // delivery that names a group already in the round (each delivery names a group once); that one waits at the head of the queue for the next round.
    private List<Pending> Take()
    {
        var round = new List<Pending>();
        var keys = new HashSet<(string, string)>();
        var groups = 0;
        while (_queued.TryPeek(out var next))
        {
            var nextKeys = next.Batch.Groups.Select(g => (next.Batch.Source, g.Key)).ToList();
            if (round.Count > 0 && (groups + nextKeys.Count > MaxGroupsPerRound || nextKeys.Any(keys.Contains)))
                break;
            if (!_queued.TryDequeue(out var taken))
                break;
            round.Add(taken);
            keys.UnionWith(nextKeys);
            groups += nextKeys.Count;
        }

        return round;
    }

    private sealed class Pending(AlertBatch batch)
    {
        public AlertBatch Batch => batch;
        public TaskCompletionSource<AlertIntakeResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
