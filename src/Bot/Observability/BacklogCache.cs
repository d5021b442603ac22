using Jivrus.IncidentBot.Workflow.Observability;

namespace Jivrus.IncidentBot.Bot.Observability;

/// <summary>
/// The backlog as the metrics see it: read from the database at most every <see cref="MaxAge"/>, so scrapes by several
/// Prometheus servers (or a dashboard refreshing every second) cost one small query now and then.
/// </summary>
internal sealed class BacklogCache(BacklogProbe probe, TimeProvider time, ILogger<BacklogCache> log)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Backlog? _last;

    /// <summary>The cached backlog, read again when older than <see cref="MaxAge"/>; null when the database does not answer.</summary>
    public Backlog? Read()
    {
        lock (_gate)
        {
            if (_last is { } fresh && time.GetUtcNow() - fresh.At < MaxAge)
                return fresh;
            try
            {
                // Gauges are read synchronously by the exporter; the read is two indexed queries, bounded by a budget.
                using var budget = new CancellationTokenSource(ReadBudget);
                _last = probe.ReadAsync(budget.Token).GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                log.LogWarning("The outbox and timer backlog could not be read for the metrics: {Error}", ex.GetType().Name);
                _last = null;
            }

            return _last;
        }
    }
}
