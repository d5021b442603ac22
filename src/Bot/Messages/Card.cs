namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>
/// A channel-neutral card: Slack renders it as Block Kit, Teams as an Adaptive Card, the local page as HTML.
/// Only Channels/* turns it into a channel's JSON.
/// </summary>
public sealed record Card(
    string Title,
    string? Summary,
    IReadOnlyList<CardField> Fields,
    IReadOnlyList<CardButton> Buttons,
    string? Context = null,
    CardTone Tone = CardTone.Neutral);

/// <summary>A labelled value. When <see cref="Time"/> is set the channel shows it in the reader's own time zone.</summary>
public sealed record CardField(string Label, string Value, DateTimeOffset? Time = null);

/// <summary>A button: <see cref="ActionId"/> is one of <see cref="ActionIds"/>, <see cref="Value"/> the incident or ticket id.</summary>
public sealed record CardButton(string Text, string ActionId, string Value, ButtonStyle Style = ButtonStyle.Default, string? Confirm = null);

public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}

/// <summary>The card's accent: critical (red), warning (amber), good (green), neutral.</summary>
public enum CardTone
{
    Neutral,
    Critical,
    Warning,
    Good,
}
