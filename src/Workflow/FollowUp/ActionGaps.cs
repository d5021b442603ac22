using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>
/// What the open corrective actions of a critical incident still lack before it may close: each needs an owner and a
/// due date, or must be done or dropped.
/// </summary>
public sealed record ActionGaps(IReadOnlyList<ActionGap> Items)
{
    public static ActionGaps None { get; } = new([]);

    public bool IsEmpty => Items.Count == 0;

    /// <summary>The gaps of <paramref name="actions"/> (stored or about to be), in their numbered order.</summary>
    public static ActionGaps Of(IEnumerable<(int Number, string Text, bool HasOwner, bool HasDue, bool IsOpen)> actions) =>
        new(actions.Where(a => a.IsOpen && !(a.HasOwner && a.HasDue))
            .OrderBy(a => a.Number)
            .Select(a => new ActionGap(a.Number, a.Text, !a.HasOwner, !a.HasDue))
            .ToList());

    /// <summary>The gaps of stored actions.</summary>
    public static ActionGaps Of(IEnumerable<CorrectiveAction> actions) =>
        Of(actions.Select(a => (a.Number, a.Text, a.OwnerId is not null, a.DueAt is not null, a.IsOpen)));

    /// <summary>"#1 "Add alerting" has no owner and no due date; #3 "Rotate keys" has no due date".</summary>
    public string Describe() => string.Join("; ", Items.Select(g => $"#{g.Number} \"{ActionText.Clip(g.Text)}\" has {g.Lacks}"));

    /// <summary>The refusal to close the incident, naming every action and what it lacks, and what to do.</summary>
    public string CloseRefusal(int incidentNumber)
    {
        var id = IncidentId.Format(incidentNumber);
        return $"{id} cannot close yet: every corrective action needs an owner and a due date, or must be dropped. {Describe()}. "
            + $"Set them with /incident action set {id} <k> owner <@person> due <date>, or drop one with /incident action drop {id} <k> <reason>.";
    }
}

/// <summary>One open action that lacks an owner, a due date, or both.</summary>
public sealed record ActionGap(int Number, string Text, bool NoOwner, bool NoDue)
{
    public string Lacks => (NoOwner, NoDue) switch
    {
        (true, true) => "no owner and no due date",
        (true, false) => "no owner",
        _ => "no due date",
    };
}
