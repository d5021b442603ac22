using Jivrus.IncidentBot.Workflow.Observability;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Observability;

/// <summary>The incident database answers a connection.</summary>
internal sealed class DatabaseCheck(StorageInitializer storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (await storage.IsReachableAsync(cancellationToken))
                return HealthCheckResult.Healthy("The incident database answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's text may carry a host name or driver detail; the type says enough here, the log says more.
            return HealthCheckResult.Unhealthy($"The incident database is not reachable ({ex.GetType().Name}).");
        }

        return HealthCheckResult.Unhealthy("The incident database is not reachable.");
    }
}

/// <summary>The response plan in force: loaded and valid at start (the host does not start otherwise).</summary>
internal sealed class PlanCheck(ResponsePlan plan) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(plan.Severities.Count > 0 && plan.Escalation.Top > 0
            ? HealthCheckResult.Healthy($"The response plan is loaded: {plan.Severities.Count} severities, {plan.Escalation.Top} escalation levels.")
            : HealthCheckResult.Unhealthy("The response plan has no severities or no escalation levels."));
}

/// <summary>The outbox is moving: its oldest undelivered message is younger than <see cref="ReadinessOptions.OutboxMaxAge"/>.</summary>
internal sealed class OutboxCheck(BacklogProbe probe, IOptions<ReadinessOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backlog = await probe.ReadAsync(cancellationToken);
        var limit = options.Value.OutboxMaxAge;
        if (backlog.OutboxMessages == 0)
            return HealthCheckResult.Healthy("No message waits in the outbox.");
        var waiting = $"{backlog.OutboxMessages} outbox message{(backlog.OutboxMessages == 1 ? "" : "s")} waiting, the oldest for {DurationText.Elapsed(backlog.OldestOutboxAge)}";
        return backlog.OldestOutboxAge <= limit
            ? HealthCheckResult.Healthy($"{waiting}.")
            : HealthCheckResult.Unhealthy($"{waiting}, more than {DurationText.Format(limit)}: posts are not reaching the chat; see the outbox warnings in the log.");
    }
}

/// <summary>Timers are firing: no unclaimed timer is more than <see cref="ReadinessOptions.TimerMaxLateness"/> overdue.</summary>
internal sealed class TimersCheck(BacklogProbe probe, IOptions<ReadinessOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backlog = await probe.ReadAsync(cancellationToken);
        var limit = options.Value.TimerMaxLateness;
        if (backlog.OldestOverdueTimer <= TimeSpan.Zero)
            return HealthCheckResult.Healthy("No timer is overdue.");
        var overdue = $"The most overdue timer is {DurationText.Elapsed(backlog.OldestOverdueTimer)} late";
        return backlog.OldestOverdueTimer <= limit
            ? HealthCheckResult.Healthy($"{overdue}.")
            : HealthCheckResult.Unhealthy($"{overdue}, more than {DurationText.Format(limit)}: reminders and escalations are not firing; check that Scheduling:Background is on.");
    }
}
