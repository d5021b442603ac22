namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>
/// What the bot posts, the same for every chat: always a plain sentence (notifications, screen readers), then
/// either a card or, for a prompt, buttons right under the sentence. Channels only render it.
/// </summary>
/// <param name="Text">The sentence; complete on its own.</param>
/// <param name="Card">The card shown with it, if any.</param>
/// <param name="Buttons">Buttons under the sentence when there is no card (RCA prompts, update nudges).</param>
public sealed record OutgoingMessage(string Text, Card? Card = null, IReadOnlyList<CardButton>? Buttons = null)
{
    public IReadOnlyList<CardButton> Buttons { get; init; } = Buttons ?? [];

    /// <summary>
    /// The card as a chat shows it under the sentence (Teams, the local page): a summary that only repeats the
    /// sentence is left out, so it is read once. Slack shows the card alone and takes <see cref="Card"/>.
    /// </summary>
    public Card? CardUnderText => Card is { } card && card.Summary == Text ? card with { Summary = null } : Card;
}
