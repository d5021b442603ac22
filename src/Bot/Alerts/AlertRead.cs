using Jivrus.IncidentBot.Workflow.Alerts;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>What a reader made of a body: the batch, or the one sentence a 400 answers with.</summary>
internal sealed record AlertRead(AlertBatch? Batch, string? Problem)
{
    public static AlertRead Of(AlertBatch batch) => new(batch, null);

    public static AlertRead Refused(string problem) => new(null, problem);
}
