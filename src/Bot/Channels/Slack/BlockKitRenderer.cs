using System.Globalization;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Turns the neutral <see cref="Card"/> into Block Kit, trimming to Slack's limits rather than letting
/// Slack reject a whole post because one field ran long.
/// </summary>
internal static class BlockKitRenderer
{
    private const int MaxHeader = 150;
    private const int MaxFieldsPerSection = 10;
    private const int MaxFieldText = 2000;
    private const int MaxSectionText = 3000;
    private const int MaxButtons = 25;
    private const int MaxButtonText = 75;

    public static JsonArray Card(Card card)
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = Plain($"{Marker(card.Tone)} {card.Title}", MaxHeader) },
        };
        if (!string.IsNullOrWhiteSpace(card.Summary))
            blocks.Add(Section(card.Summary));
        foreach (var chunk in card.Fields.Chunk(MaxFieldsPerSection))
        {
            var fields = new JsonArray();
            foreach (var field in chunk)
                fields.Add(Markdown(Cut($"*{Escape(field.Label)}*\n{FieldValue(field)}", MaxFieldText)));
            blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
        }

        if (card.Buttons.Count > 0)
            blocks.Add(Actions(card.Buttons));
        if (!string.IsNullOrWhiteSpace(card.Context))
            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray { Markdown(Cut(Escape(card.Context), MaxFieldText)) } });
        return blocks;
    }

    /// <summary>A sentence with buttons under it (RCA prompts, update nudges).</summary>
    public static JsonArray Prompt(string text, IReadOnlyList<CardButton> buttons)
    {
        var blocks = new JsonArray { Section(text) };
        if (buttons.Count > 0)
            blocks.Add(Actions(buttons));
        return blocks;
    }

    /// <summary>A Slack date token: the reader sees the time in their own zone, the fallback where tokens are not shown.</summary>
    public static string DateToken(DateTimeOffset at, string fallback) =>
        $"<!date^{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{{date_short_pretty}} {{time}}|{Escape(fallback)}>";

    /// <summary>Slack's mrkdwn treats these three as control characters; anything else is shown as typed.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static JsonObject Plain(string text, int max) =>
        new() { ["type"] = "plain_text", ["text"] = Cut(text, max), ["emoji"] = true };

    private static JsonObject Section(string text) =>
        new() { ["type"] = "section", ["text"] = Markdown(Cut(Escape(text), MaxSectionText)) };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static string FieldValue(CardField field) =>
        field.Time is { } at ? DateToken(at, field.Value) : Escape(field.Value);

    private static JsonObject Actions(IReadOnlyList<CardButton> buttons)
    {
        var elements = new JsonArray();
        var primaryUsed = false;
        foreach (var button in buttons.Take(MaxButtons))
        {
            var element = new JsonObject
            {
                ["type"] = "button",
                ["text"] = Plain(button.Text, MaxButtonText),
                ["action_id"] = button.ActionId,
                ["value"] = button.Value,
            };
            // Slack allows one primary button per block; a second one is shown plain instead of rejected.
            if (button.Style == ButtonStyle.Primary && !primaryUsed)
            {
                element["style"] = "primary";
                primaryUsed = true;
            }
            else if (button.Style == ButtonStyle.Danger)
            {
                element["style"] = "danger";
            }

            if (button.Confirm is { } question)
                element["confirm"] = Confirm(button.Text, question, button.Style);
            elements.Add(element);
        }

        return new JsonObject { ["type"] = "actions", ["elements"] = elements };
    }

    private static JsonObject Confirm(string action, string question, ButtonStyle style)
    {
        var confirm = new JsonObject
        {
            ["title"] = Plain($"{action}?", 100),
            ["text"] = Plain(question, 300),
            ["confirm"] = Plain(action, 30),
            ["deny"] = Plain("Cancel", 30),
        };
        if (style == ButtonStyle.Danger)
            confirm["style"] = "danger";
        return confirm;
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
