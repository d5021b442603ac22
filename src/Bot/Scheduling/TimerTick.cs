using System.Diagnostics;
using Jivrus.IncidentBot.Bot.Observability;
using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Scheduling;

/// <summary>
/// The work of one tick: claim due timers in batches, soonest first, and fire each through the Desk in its
/// own transaction. A timer that throws is logged and left to its lease; the others still fire. When the host
/// stops, the timer being fired is finished and the claims on the rest of the batch are released, so the next
/// host (or another replica) fires them at once instead of waiting for the lease to run out.
/// </summary>
public sealed class TimerTick(
    TimerClaims claims, Desk desk, IOptions<SchedulingOptions> options, TimeProvider time, ILogger<TimerTick> log, BotMetrics? metrics = null)
{
    private const int MaxRoundsPerTick = 1000;
    private readonly SchedulingOptions _options = options.Value;

    public Task<TickResult> RunOnceAsync(CancellationToken ct = default) => RunOnceAsync(ct, ct);

    /// <param name="stopping">No timer is claimed or fired after this; what is claimed and not fired is released.</param>
    /// <param name="abandon">Cancels the firing in progress too (the host's shutdown timeout ran out).</param>
    public async Task<TickResult> RunOnceAsync(CancellationToken stopping, CancellationToken abandon)
    {
        var result = new TickResult();
        // Firing a timer re-plans its incident, and a re-planned timer may itself be due already (after
        // downtime, or when two deadlines share an instant), so claim again until nothing is due. The cap
        // keeps one tick bounded even if a plan kept producing due timers.
        for (var round = 0; round < MaxRoundsPerTick && !stopping.IsCancellationRequested; round++)
        {
            var now = time.GetUtcNow();
            var batch = await claims.ClaimDueAsync(now, _options.BatchSize, _options.Lease, abandon);
            var fired = 0;
            try
            {
                for (; fired < batch.Count && !stopping.IsCancellationRequested; fired++)
                    await FireAsync(batch[fired], result, abandon);
            }
            finally
            {
                if (fired < batch.Count)
                    result.Released += await ReleaseAsync(batch.Skip(fired).ToList(), now + _options.Lease);
            }

            if (batch.Count == 0)
                break;
        }

        if (result.Fired + result.Failed > 0)
            log.LogDebug("Tick: {Fired} fired, {Stale} stale, {Postponed} postponed, {Failed} failed", result.Fired, result.Stale, result.Postponed, result.Failed);
        return result;
    }

    private async Task FireAsync(IncidentTimer timer, TickResult result, CancellationToken ct)
    {
        using var span = Telemetry.Source.StartActivity(Telemetry.TimerFire);
        span?.SetTag("incidentbot.timer.kind", BotMetrics.KindName(timer.Kind));
        span?.SetTag("incidentbot.timer.subject", $"{timer.Subject.ToString().ToLowerInvariant()}:{timer.SubjectId}");
        try
        {
            var firedAt = time.GetUtcNow();
            var fired = await desk.FireTimerAsync(timer, ct);
            result.Count(fired);
            span?.SetTag("incidentbot.timer.result", fired.ToString().ToLowerInvariant());
            metrics?.TimerFired(timer, fired, firedAt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            result.Failed++;
            log.LogError(ex, "Firing {Timer} failed; it will be retried when its claim runs out", timer);
        }
    }

    private async Task<int> ReleaseAsync(IReadOnlyList<IncidentTimer> unfired, DateTimeOffset claimedUntil)
    {
        try
        {
            // Not cancellable: this is the last thing a stopping host does with the timers, and it is short.
            var released = await claims.ReleaseAsync(unfired.Select(t => t.Id).ToList(), claimedUntil, CancellationToken.None);
            log.LogInformation("Stopping: {Count} claimed timers handed back unfired", released);
            return released;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Stopping: {Count} claimed timers could not be handed back; they fire when their claims run out", unfired.Count);
            return 0;
        }
    }
}

/// <summary>What one tick did.</summary>
public sealed class TickResult
{
    public int Fired { get; set; }
    public int Stale { get; set; }
    public int NoEffect { get; set; }
    public int Gone { get; set; }
    public int Postponed { get; set; }
    public int Failed { get; set; }

    /// <summary>Claimed but handed back unfired because the host was stopping.</summary>
    public int Released { get; set; }

    internal void Count(TimerResult result)
    {
        switch (result)
        {
            case TimerResult.Fired: Fired++; break;
            case TimerResult.Stale: Stale++; break;
            case TimerResult.NoEffect: NoEffect++; break;
            case TimerResult.Gone: Gone++; break;
            case TimerResult.Postponed: Postponed++; break;
        }
    }
}
