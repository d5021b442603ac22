namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>
/// One bot post on the local page, as it travels over <c>/local/stream</c> and <c>/local/posts</c>.
/// </summary>
/// <param name="Id">Increasing per process; the page resumes from the last id it saw.</param>
/// <param name="Time">When the adapter received it.</param>
/// <param name="Conversation">Where it was posted: <c>#incidents</c>, <c>#inc-7</c>, <c>DM Ana</c>, <c>#management</c>, <c>#support</c>.</param>
/// <param name="Text">The sentence; always set.</param>
/// <param name="Card">The incident card, for card, page and update posts.</param>
/// <param name="IncidentNumber">The incident it belongs to, if any.</param>
/// <param name="Kind"><see cref="LocalPostKind.Card"/>, <see cref="LocalPostKind.Update"/> or <see cref="LocalPostKind.Message"/>.</param>
/// <param name="Buttons">Buttons under the sentence of a post without a card (RCA prompts, update nudges); empty otherwise.</param>
public sealed record LocalPost(
    long Id,
    DateTimeOffset Time,
    string Conversation,
    string Text,
    LocalCard? Card,
    int? IncidentNumber,
    string Kind,
    IReadOnlyList<LocalCardButton>? Buttons = null)
{
    public IReadOnlyList<LocalCardButton> Buttons { get; init; } = Buttons ?? [];
}

/// <summary>The page's three kinds of post.</summary>
public static class LocalPostKind
{
    /// <summary>A new post carrying a card.</summary>
    public const string Card = "card";

    /// <summary>Replace every card of the incident in place; no new post appears.</summary>
    public const string Update = "update";

    /// <summary>A plain message.</summary>
    public const string Message = "message";
}
