namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>What the bot posts: always a plain sentence (notifications, screen readers), optionally a card.</summary>
public sealed record OutgoingMessage(string Text, Card? Card = null);
