using System.Globalization;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>The neutral <see cref="Messages.Card"/> as the page reads it: enums as lowercase words, times in ISO 8601.</summary>
public sealed record LocalCard(
    string Title,
    string? Summary,
    IReadOnlyList<LocalCardField> Fields,
    IReadOnlyList<LocalCardButton> Buttons,
    string? Context,
    string Tone)
{
    public static LocalCard From(Card card) => new(
        card.Title,
        card.Summary,
        card.Fields.Select(f => new LocalCardField(f.Label, f.Value, f.Time?.ToString("O", CultureInfo.InvariantCulture))).ToList(),
        ButtonsOf(card.Buttons),
        card.Context,
        Word(card.Tone));

    /// <summary>The message's card as the page shows it under the post's sentence; null when it has none.</summary>
    public static LocalCard? Under(OutgoingMessage message) =>
        message?.CardUnderText is { } card ? From(card) : null;

    public static IReadOnlyList<LocalCardButton> ButtonsOf(IReadOnlyList<CardButton> buttons) =>
        [.. buttons.Select(b => new LocalCardButton(b.Text, b.ActionId, b.Value, Word(b.Style), b.Confirm))];

    private static string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}

/// <summary>A labelled value; <see cref="Time"/> (ISO 8601) lets the page show it in the reader's time zone.</summary>
public sealed record LocalCardField(string Label, string Value, string? Time);

/// <summary>A button; the page asks <see cref="Confirm"/> before it posts the action.</summary>
public sealed record LocalCardButton(string Text, string ActionId, string Value, string Style, string? Confirm);
