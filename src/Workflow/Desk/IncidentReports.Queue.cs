using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

// Group commit: reports wait in a queue (CommitQueue) and one writer at a time files all that are waiting. If a shared
// commit fails, each report is filed again on its own.
internal sealed partial class IncidentReports
{
    private const int MaxReportsPerCommit = 256;

    // Up to 24 turns of the thread pool or 48 waiting before a batch is taken: each commit rewrites the last page of
    // every table and index it touches, so fewer, larger transactions write fewer pages per report.
    private CommitQueue<ReportRequest, DeskResult>? _queue;

    private Task<DeskResult> QueueAsync(ReportRequest request, CancellationToken ct) =>
        LazyInitializer.EnsureInitialized(ref _queue, () => new(
            work.ExclusiveAsync, FileQueuedAsync, MaxReportsPerCommit, gatherYields: 24, gatherEnough: 48, log, "report")).RunAsync(request, ct);

    /// <summary>Files the reports taken from the queue; the writer holds the gate.</summary>
    private async Task FileQueuedAsync(IReadOnlyList<CommitQueue<ReportRequest, DeskResult>.Item> batch)
    {
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
}
