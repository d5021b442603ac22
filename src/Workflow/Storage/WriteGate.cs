namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Serialises write transactions inside one process where the database has a single writer anyway
/// (SQLite, InMemory): queueing here is cheaper than lock timeouts and retries in the engine.
/// On PostgreSQL it lets everything through and optimistic concurrency decides.
/// </summary>
public sealed class WriteGate(bool serialise)
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>True where one write transaction runs at a time in this process (SQLite, InMemory).</summary>
    public bool Serialises => serialise;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!serialise)
            return Released.Instance;
        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_semaphore);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                semaphore.Release();
        }
    }

    private sealed class Released : IDisposable
    {
        public static Released Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
