using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Turns the neutral <see cref="Card"/> into Block Kit, trimming to Slack's limits rather than letting
/// Slack reject a whole post because one field ran long. The blocks are written straight to JSON (the slash-command
/// reply goes out without building a document tree first); posts through the Web API get the same JSON as nodes.
/// </summary>
internal static class BlockKitRenderer
{
    private const int MaxHeader = 150;
    private const int MaxFieldsPerSection = 10;
    private const int MaxFieldText = 2000;
    private const int MaxSectionText = 3000;
    private const int MaxButtons = 25;
    private const int MaxButtonText = 75;

    // Names and fixed values encoded once, not escaped and transcoded on every reply.
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText EmojiName = JsonEncodedText.Encode("emoji");
    private static readonly JsonEncodedText FieldsName = JsonEncodedText.Encode("fields");
    private static readonly JsonEncodedText ElementsName = JsonEncodedText.Encode("elements");
    private static readonly JsonEncodedText ActionIdName = JsonEncodedText.Encode("action_id");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText StyleName = JsonEncodedText.Encode("style");
    private static readonly JsonEncodedText ConfirmName = JsonEncodedText.Encode("confirm");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText DenyName = JsonEncodedText.Encode("deny");
    private static readonly JsonEncodedText Header = JsonEncodedText.Encode("header");
    private static readonly JsonEncodedText SectionType = JsonEncodedText.Encode("section");
    private static readonly JsonEncodedText PlainText = JsonEncodedText.Encode("plain_text");
    private static readonly JsonEncodedText Mrkdwn = JsonEncodedText.Encode("mrkdwn");
    private static readonly JsonEncodedText ContextType = JsonEncodedText.Encode("context");
    private static readonly JsonEncodedText ActionsType = JsonEncodedText.Encode("actions");
    private static readonly JsonEncodedText ButtonType = JsonEncodedText.Encode("button");
    private static readonly JsonEncodedText Primary = JsonEncodedText.Encode("primary");
    private static readonly JsonEncodedText Danger = JsonEncodedText.Encode("danger");

    public static JsonArray Card(Card card) => Nodes(card, static (writer, c) => WriteCard(writer, c));

    /// <summary>
    /// A post's blocks: its card, or the sentence with its buttons under it; null for a plain sentence (the post's
    /// text alone). With a card, Slack shows the blocks and the text is only the notification.
    /// </summary>
    public static JsonArray? Message(OutgoingMessage message) =>
        message.Card is { } card ? Card(card)
        : message.Buttons.Count > 0 ? Prompt(message.Text, message.Buttons)
        : null;

    /// <summary>A sentence with buttons under it (RCA prompts, update nudges).</summary>
    public static JsonArray Prompt(string text, IReadOnlyList<CardButton> buttons) =>
        Nodes((text, buttons), static (writer, p) => WritePrompt(writer, p.text, p.buttons));

    /// <summary>Writes the card's blocks as elements of an array the caller has started.</summary>
    public static void WriteCard(Utf8JsonWriter writer, Card card)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeName, Header);
        WritePlain(writer, TextName, $"{Marker(card.Tone)} {card.Title}", MaxHeader);
        writer.WriteEndObject();
        if (!string.IsNullOrWhiteSpace(card.Summary))
            WriteSection(writer, card.Summary);
        for (var first = 0; first < card.Fields.Count; first += MaxFieldsPerSection)
        {
            writer.WriteStartObject();
            writer.WriteString(TypeName, SectionType);
            writer.WriteStartArray(FieldsName);
            for (var i = first; i < Math.Min(first + MaxFieldsPerSection, card.Fields.Count); i++)
            {
                var field = card.Fields[i];
                WriteMarkdown(writer, Cut($"*{Escape(field.Label)}*\n{FieldValue(field)}", MaxFieldText));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (card.Buttons.Count > 0)
            WriteActions(writer, card.Buttons);
        if (!string.IsNullOrWhiteSpace(card.Context))
        {
            writer.WriteStartObject();
            writer.WriteString(TypeName, ContextType);
            writer.WriteStartArray(ElementsName);
            WriteMarkdown(writer, Cut(Escape(card.Context), MaxFieldText));
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    /// <summary>Writes a section with the sentence and, when there are any, an actions block with the buttons.</summary>
    public static void WritePrompt(Utf8JsonWriter writer, string text, IReadOnlyList<CardButton> buttons)
    {
        WriteSection(writer, text);
        if (buttons.Count > 0)
            WriteActions(writer, buttons);
    }

    /// <summary>A Slack date token: the reader sees the time in their own zone, the fallback where tokens are not shown.</summary>
    public static string DateToken(DateTimeOffset at, string fallback) =>
        $"<!date^{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{{date_short_pretty}} {{time}}|{Escape(fallback)}>";

    /// <summary>Slack's mrkdwn treats these three as control characters; anything else is shown as typed.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A plain_text object as a node (modal titles, labels and options).</summary>
    public static JsonObject Plain(string text, int max) =>
        new() { ["type"] = "plain_text", ["text"] = Cut(text, max), ["emoji"] = true };

    private static void WritePlain(Utf8JsonWriter writer, JsonEncodedText property, string text, int max)
    {
        writer.WriteStartObject(property);
        writer.WriteString(TypeName, PlainText);
        writer.WriteString(TextName, Cut(text, max));
        writer.WriteBoolean(EmojiName, true);
        writer.WriteEndObject();
    }

    private static void WriteSection(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeName, SectionType);
        writer.WritePropertyName(TextName);
        WriteMarkdown(writer, Cut(Escape(text), MaxSectionText));
        writer.WriteEndObject();
    }

    private static void WriteMarkdown(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeName, Mrkdwn);
        writer.WriteString(TextName, text);
        writer.WriteEndObject();
    }

    private static string FieldValue(CardField field) =>
        field.Time is { } at ? DateToken(at, field.Value) : Escape(field.Value);

    private static void WriteActions(Utf8JsonWriter writer, IReadOnlyList<CardButton> buttons)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeName, ActionsType);
        writer.WriteStartArray(ElementsName);
        var primaryUsed = false;
        for (var i = 0; i < Math.Min(MaxButtons, buttons.Count); i++)
        {
            var button = buttons[i];
            writer.WriteStartObject();
            writer.WriteString(TypeName, ButtonType);
            WritePlain(writer, TextName, button.Text, MaxButtonText);
            writer.WriteString(ActionIdName, button.ActionId);
            writer.WriteString(ValueName, button.Value);
            // Slack allows one primary button per block; a second one is shown plain instead of rejected.
            if (button.Style == ButtonStyle.Primary && !primaryUsed)
            {
                writer.WriteString(StyleName, Primary);
                primaryUsed = true;
            }
            else if (button.Style == ButtonStyle.Danger)
            {
                writer.WriteString(StyleName, Danger);
            }

            if (button.Confirm is { } question)
                WriteConfirm(writer, button.Text, question, button.Style);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteConfirm(Utf8JsonWriter writer, string action, string question, ButtonStyle style)
    {
        writer.WriteStartObject(ConfirmName);
        WritePlain(writer, TitleName, $"{action}?", 100);
        WritePlain(writer, TextName, question, 300);
        WritePlain(writer, ConfirmName, action, 30);
        WritePlain(writer, DenyName, "Cancel", 30);
        if (style == ButtonStyle.Danger)
            writer.WriteString(StyleName, Danger);
        writer.WriteEndObject();
    }

    /// <summary>The blocks a writer produces, as an array of nodes.</summary>
    public static JsonArray Nodes<T>(T state, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            write(writer, state);
            writer.WriteEndArray();
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsArray();
    }

    private static string Marker(CardTone tone) => tone switch
    {
        CardTone.Critical => "🔴",
        CardTone.Warning => "🟠",
        CardTone.Good => "🟢",
        _ => "⚪",
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
