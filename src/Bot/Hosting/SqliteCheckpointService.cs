using Jivrus.IncidentBot.Workflow.Storage;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// Runs <see cref="SqliteCheckpointer"/> for a SQLite database: every 100 ms while the log keeps changing, every second
/// once it stands still. A failed round is logged and the next one starts afresh.
/// </summary>
internal sealed class SqliteCheckpointService(StorageOptions options, WriteGate gate, TimeProvider time, ILogger<SqliteCheckpointService> log)
    : BackgroundService
{
    public static readonly TimeSpan Busy = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Provider != StorageProvider.Sqlite)
            return;
        await using var checkpointer = new SqliteCheckpointer(StorageSetup.ConnectionStringFor(options), gate);
        var wait = Idle;
        var lastLog = -1L;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken);
                var round = await checkpointer.RunOnceAsync(stoppingToken);
                wait = round.LogPages != lastLog ? Busy : Idle;
                lastLog = round.LogPages;
                log.LogTrace("Checkpoint round: {Log} pages in the log, {Copied} of them in the database", round.LogPages, round.CopiedPages);
                if (round.Restarted)
                    log.LogDebug("Checkpoint restarted the SQLite log at {Pages} pages", round.LogPages);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "SQLite checkpoint failed; the next round tries again");
                wait = Idle;
            }
        }
    }
}
