using Jivrus.IncidentBot.Bot.Conversations;

namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>
/// A channel-neutral form (report, RCA, customer reply), built once by <see cref="Forms"/>: Slack renders it as a
/// modal, Teams as an Adaptive Card with inputs, the local page as an HTML form. Every channel offers the same
/// fields with the same labels, in the same order, and reads the answers back by <see cref="FormField.Key"/>.
/// </summary>
/// <param name="Kind">Which form it is; its submission ends in the turn handler's entry point for that kind.</param>
/// <param name="Title">Shown above the form. At most 24 characters, the longest title a Slack modal shows whole.</param>
/// <param name="Submit">The submit button's text, at most 24 characters for the same reason.</param>
/// <param name="Fields">The inputs, in the order they are shown.</param>
public sealed record FormSpec(FormKind Kind, string Title, string Submit, IReadOnlyList<FormField> Fields)
{
    /// <summary>A sentence shown between the title and the first field; null for none.</summary>
    public string? Intro { get; init; }

    /// <summary>The incident an RCA or customer reply form is about.</summary>
    public int? IncidentNumber { get; init; }

    /// <summary>The ticket whose customer a reply form answers.</summary>
    public long? TicketId { get; init; }

    /// <summary>The form's name in a channel's own payloads: the Teams submit data's <c>form</c>, the local page's <c>/local/forms/{id}</c>.</summary>
    public string Id => Forms.IdOf(Kind);
}

/// <summary>One input of a <see cref="FormSpec"/>.</summary>
/// <param name="Key">The value's name when read back, and the key of the field's error in <see cref="FormResult.Errors"/>.</param>
/// <param name="Label">What the input is called, above it.</param>
/// <param name="Kind">What sort of input it is.</param>
public sealed record FormField(string Key, string Label, FieldKind Kind)
{
    /// <summary>Shown inside an empty text input or choice; for an optional choice, the wording of choosing nothing.</summary>
    public string? Placeholder { get; init; }

    /// <summary>The longest text accepted; null for no limit of the form's own.</summary>
    public int? MaxLength { get; init; }

    /// <summary>True when the form may be sent with the field empty. Default: required.</summary>
    public bool Optional { get; init; }

    /// <summary>What a channel that checks required fields itself says when this one is left empty; null for optional fields.</summary>
    public string? Missing { get; init; }

    /// <summary>A sentence under the input that helps to fill it in; null for none.</summary>
    public string? Hint { get; init; }

    /// <summary>The options of a <see cref="FieldKind.Choice"/>; the one option a <see cref="FieldKind.Toggle"/> turns on.</summary>
    public IReadOnlyList<FormChoice> Choices { get; init; } = [];

    /// <summary>The value the form opens with: text, a choice's value, or <c>true</c> for a toggle that is on; null for empty.</summary>
    public string? Initial { get; init; }
}

/// <summary>An option of a choice or toggle: the <paramref name="Value"/> sent back, the <paramref name="Text"/> shown, and what it means.</summary>
public sealed record FormChoice(string Value, string Text, string? Description = null);

public enum FieldKind
{
    /// <summary>One line of text.</summary>
    Line,

    /// <summary>Text over several lines.</summary>
    Text,

    /// <summary>One of <see cref="FormField.Choices"/>.</summary>
    Choice,

    /// <summary>A box ticked or not: read back as <c>true</c> or <c>false</c>.</summary>
    Toggle,
}
