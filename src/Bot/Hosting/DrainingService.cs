namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// A background loop that finishes the round in progress when the host stops. <c>stoppingToken</c> says "take no new
/// round"; <see cref="Abandon"/> is cancelled only when the host's shutdown timeout runs out, and only then is the
/// round itself cut short.
/// </summary>
internal abstract class DrainingService : BackgroundService
{
    private readonly CancellationTokenSource _abandon = new();

    /// <summary>Cancelled when the host gives up waiting for the round in progress.</summary>
    protected CancellationToken Abandon => _abandon.Token;

    protected bool Abandoned => _abandon.IsCancellationRequested;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var abandon = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
