namespace Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

/// <summary>
/// Keeps one Socket Mode connection open for as long as the host runs. When Slack asks for a new one (<c>disconnect</c>,
/// <c>refresh_requested</c> or <c>warning</c>) the replacement is opened first and the old one closed only once the new
/// one said hello, so nothing falls into a gap; a lost socket is reopened after a jittered, doubling, capped wait.
/// </summary>
internal sealed class SocketSlot(int number, int of, SlackOptions options, SocketUrlClient urls, SocketEnvelopes envelopes, TimeProvider time, ILogger log)
{
    /// <summary>How long Slack gets to say hello on a new connection.</summary>
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Slack waits 3 s for an acknowledgement: turns under way on a closing connection get that long to send theirs.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(3);

    /// <summary>A connection that lived this long was healthy: the failures before it no longer lengthen the wait.</summary>
    private static readonly TimeSpan Stable = TimeSpan.FromMinutes(1);

    /// <summary>After <c>link_disabled</c> the wait is at its longest: a person has to turn Socket Mode back on first.</summary>
    private const int Disabled = 31;

    private int _failures;

    public async Task RunAsync(CancellationToken stopping)
    {
        SocketConnection? current = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (await ConnectOrWaitAsync(stopping) is not { } next)
                    continue;
                if (current is not null)
                    await RetireAsync(current);
                current = next;

                var opened = time.GetUtcNow();
                var end = await current.Ended.WaitAsync(stopping);
                if (time.GetUtcNow() - opened >= Stable)
                    _failures = 0;
                if (end.Refresh)
                {
                    // The old connection keeps reading until the new one is up (the next round retires it).
                    log.LogInformation("Slack asked to refresh Socket Mode connection {Slot} ({Reason}); opening its replacement first", number, end.Reason);
                    continue;
                }

                await RetireAsync(current);
                current = null;
                if (end.LinkDisabled)
                {
                    log.LogError("Slack turned Socket Mode off for this app (link_disabled): turn it on again under Socket Mode in the app's settings, or remove Slack:AppToken and use the HTTP endpoints.");
                    _failures = Disabled;
                }
                else
                {
                    _failures++;
                }

                var wait = Wait(null);
                log.LogWarning("Slack Socket Mode connection {Slot} ended ({Reason}); reconnecting in {DelaySeconds:0.0} s", number, end.Reason, wait.TotalSeconds);
                await Task.Delay(wait, time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            if (current is not null)
                await RetireAsync(current);
        }
    }

    /// <summary>A new connection that said hello; or null after a failure, once the back-off has passed.</summary>
    private async Task<SocketConnection?> ConnectOrWaitAsync(CancellationToken stopping)
    {
        TimeSpan? retryAfter = null;
        string reason;
        try
        {
            var url = await urls.OpenAsync(stopping);
            var connection = await SocketConnection.OpenAsync(url, envelopes, time, HelloTimeout, stopping);
            log.LogInformation("Slack Socket Mode connection {Slot} of {Count} is open", number, of);
            return connection;
        }
        catch (SlackApiException ex)
        {
            reason = ex.Error;
            retryAfter = ex.RetryAfter;
            if (!ex.Transient)
                log.LogError("Slack refused Slack:AppToken ({Error}): it must be an app-level token (xapp-…) with the connections:write scope, from Basic Information → App-Level Tokens.", ex.Error);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // The type only: a message may quote the address, which carries a connection ticket. Whatever it was, the
            // slot keeps trying: an exception out of here would stop the host.
            reason = ex.GetType().Name;
        }

        _failures++;
        var wait = Wait(retryAfter);
        log.LogWarning("Could not open Slack Socket Mode connection {Slot} ({Reason}); trying again in {DelaySeconds:0.0} s", number, reason, wait.TotalSeconds);
        await Task.Delay(wait, time, stopping);
        return null;
    }

    private TimeSpan Wait(TimeSpan? retryAfter)
    {
        var backoff = SocketBackoff.Delay(_failures, options.SocketRetryBaseDelay, options.SocketRetryMaxDelay, Random.Shared.NextDouble());
        return retryAfter is { } slack && slack > backoff ? slack : backoff;
    }

    private static async Task RetireAsync(SocketConnection connection)
    {
        await connection.CloseAsync(Drain);
        await connection.DisposeAsync();
    }
}
