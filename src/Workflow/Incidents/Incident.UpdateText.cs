using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Incidents;

public sealed partial class Incident
{
    /// <summary>
    /// "Rolled back release. Next update in 20s. ETA 17:30 (Asia/Kolkata)." Each part is its own sentence, so
    /// text typed without a full stop gets one before the promise, and one typed with it keeps just that one.
    /// </summary>
    private string UpdateText(string? text, TimeSpan? next, DateTimeOffset? eta)
    {
        var sentences = new List<string>(3);
        if (text is not null)
            sentences.Add(next is null && eta is null ? text : Sentence(text));
        if (next is { } promise)
            sentences.Add($"Next update in {DurationText.Format(promise)}.");
        if (eta is { } at)
            sentences.Add($"ETA {EtaPromise.Describe(at, Now, PlanInForce.TimeZone)}.");
        return string.Join(' ', sentences);
    }

    private static string Sentence(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd(',', ';', ':', '-').TrimEnd();
        if (trimmed.Length == 0)
            return text;
        // A closing quote or bracket after the stop still ends the sentence: "(see the status page.)".
        var core = trimmed.TrimEnd('"', '\'', ')', ']', '”', '’');
        return core.Length > 0 && core[^1] is '.' or '!' or '?' or '…' ? trimmed : trimmed + ".";
    }
}
