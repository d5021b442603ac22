using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Alerts;

/// <summary>Takes a read batch of alert groups in: files, groups, resolves. Answers once what it did is committed.</summary>
public interface IAlertIntake
{
    Task<AlertIntakeResult> IngestAsync(AlertBatch batch, CancellationToken ct = default);
}

/// <summary>
/// How a monitoring source appears as an actor: id <c>alerts:&lt;source&gt;</c>, named after its kind
/// ("Alertmanager (prometheus)"). An incident whose reporter id has the prefix came from monitoring.
/// </summary>
public static class AlertActors
{
    public const string Prefix = "alerts:";

    public static Actor For(AlertSourcePlan source) => new(Prefix + source.Id, source.ReporterName, ActorKind.System);

    /// <summary>True for an actor id (a reporter, a timeline entry's actor) that is a monitoring source.</summary>
    public static bool IsMonitoring(string? actorId) => actorId is not null && actorId.StartsWith(Prefix, StringComparison.Ordinal);
}
