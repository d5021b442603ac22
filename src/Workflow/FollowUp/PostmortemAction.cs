namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>
/// One corrective action as the post-mortem lists it. Owner, due date and state are null while actions are the RCA's
/// free text; the numbered actions fill them in.
/// </summary>
/// <param name="Number">The action's number on its incident (<c>#2</c>), or null for free text.</param>
/// <param name="Text">What is to be done.</param>
/// <param name="Owner">Who does it, by name.</param>
/// <param name="Due">When it is due.</param>
/// <param name="State">Where it stands (open, done, dropped and why).</param>
public sealed record PostmortemAction(int? Number, string Text, string? Owner = null, DateTimeOffset? Due = null, string? State = null)
{
    /// <summary>A numbered corrective action: its owner, due date and where it stands (with the reason it was dropped).</summary>
    public static PostmortemAction Of(CorrectiveAction action) =>
        new(action.Number, action.Text, action.OwnerName ?? action.OwnerId, action.DueAt, action.State switch
        {
            ActionState.Done => "done",
            ActionState.Dropped => action.DropReason is { Length: > 0 } reason ? "dropped: " + reason : "dropped",
            _ => "open",
        });

    /// <summary>The RCA's <c>actions:</c> text, one action per line or per <c>;</c>.</summary>
    public static IReadOnlyList<PostmortemAction> FromRcaText(string? actions) =>
        (actions ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => new PostmortemAction(null, a))
            .ToList();
}
