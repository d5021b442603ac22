using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Bot.Channels.Local;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// Turns what a channel was sent (Block Kit, Adaptive Cards, local cards) into the one line of text a person
/// reads: times as the plan's wall clock, no ids that change from run to run.
/// </summary>
internal static partial class TranscriptText
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    /// <summary>A fake-clock instant as the plan's wall clock, to the second.</summary>
    public static string Clock(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A time a card shows in the reader's own zone (Slack date tokens, Teams DATE/TIME), as the plan's wall clock.</summary>
    public static string Shown(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("ddd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>One line: newlines become " / ", Slack's escapes and tokens become what the reader sees, error references are masked.</summary>
    public static string Line(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var shown = SlackDate().Replace(text, m => Shown(DateTimeOffset.FromUnixTimeSeconds(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))));
        shown = TeamsDate().Replace(shown, m => Shown(DateTimeOffset.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        shown = SlackLink().Replace(shown, m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value);
        shown = shown.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
        shown = ErrorReference().Replace(shown, "ref ########");
        return string.Join(" / ", shown.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    public static string Join(IEnumerable<string?> parts) =>
        string.Join(" / ", parts.Select(Line).Where(p => p.Length > 0));

    /// <summary>The visible text of Block Kit blocks: header, sections, fields ("Label: value"), context; buttons apart.</summary>
    public static (string Text, List<TranscriptButton> Buttons) SlackBlocks(JsonArray blocks)
    {
        var parts = new List<string?>();
        var buttons = new List<TranscriptButton>();
        foreach (var block in blocks.OfType<JsonObject>())
        {
            switch ((string?)block["type"])
            {
                case "header":
                    parts.Add((string?)block["text"]?["text"]);
                    break;
                case "section":
                    parts.Add((string?)block["text"]?["text"]);
                    foreach (var field in block["fields"]?.AsArray().OfType<JsonObject>() ?? [])
                        parts.Add(SlackField((string?)field["text"]));
                    break;
                case "context":
                    foreach (var element in block["elements"]?.AsArray().OfType<JsonObject>() ?? [])
                        parts.Add((string?)element["text"]);
                    break;
                case "actions":
                    foreach (var element in block["elements"]?.AsArray().OfType<JsonObject>() ?? [])
                        buttons.Add(new TranscriptButton((string?)element["text"]?["text"] ?? "?", (string?)element["action_id"] ?? "?"));
                    break;
                case "input":
                    // A pre-filled field (the customer reply's draft) shows what the person will send if they change nothing.
                    parts.Add("field: " + (string?)block["label"]?["text"] + ((string?)block["element"]?["initial_value"] is { Length: > 0 } filled ? $": {filled}" : ""));
                    break;
                default:
                    parts.Add((string?)block["text"]?["text"]);
                    break;
            }
        }

        return (Join(parts), buttons);
    }

    /// <summary>The visible text of an Adaptive Card: text blocks, facts ("Title: value"), inputs by label; buttons apart.</summary>
    public static (string Text, List<TranscriptButton> Buttons) AdaptiveCard(JsonObject card)
    {
        var parts = new List<string?>();
        CollectAdaptive(card["body"], parts);
        var buttons = (card["actions"]?.AsArray().OfType<JsonObject>() ?? [])
            .Select(a => new TranscriptButton((string?)a["title"] ?? "?", ActionOf(a)))
            .ToList();
        return (Join(parts), buttons);
    }

    /// <summary>The local page's card: title, summary, fields ("Label: value"), context; buttons apart.</summary>
    public static (string Text, List<TranscriptButton> Buttons) LocalCard(LocalCard card)
    {
        var parts = new List<string?> { card.Title, card.Summary };
        parts.AddRange(card.Fields.Select(f => $"{f.Label}: {(f.Time is { } time ? Shown(DateTimeOffset.Parse(time, CultureInfo.InvariantCulture)) : f.Value)}"));
        parts.Add(card.Context);
        return (Join(parts), card.Buttons.Select(b => new TranscriptButton(b.Text, b.ActionId)).ToList());
    }

    // Buttons send their action id; a form's submit button names the form instead.
    private static string ActionOf(JsonObject button) =>
        (string?)button["data"]?["action"]
        ?? ((string?)button["data"]?["form"] is { } form ? $"form:{form}" : null)
        ?? (string?)button["verb"] ?? (string?)button["type"] ?? "?";

    private static void CollectAdaptive(JsonNode? node, List<string?> parts)
    {
        foreach (var element in node?.AsArray().OfType<JsonObject>() ?? [])
        {
            switch ((string?)element["type"])
            {
                case "TextBlock":
                    parts.Add((string?)element["text"]);
                    break;
                case "FactSet":
                    parts.AddRange((element["facts"]?.AsArray().OfType<JsonObject>() ?? []).Select(f => $"{(string?)f["title"]}: {(string?)f["value"]}"));
                    break;
                case { } type when type.StartsWith("Input.", StringComparison.Ordinal):
                    parts.Add("field: " + ((string?)element["label"] ?? (string?)element["placeholder"] ?? (string?)element["id"])
                        + ((string?)element["value"] is { Length: > 0 } filled ? $": {filled}" : ""));
                    break;
                default:
                    CollectAdaptive(element["items"], parts);
                    CollectAdaptive(element["columns"], parts);
                    break;
            }
        }
    }

    // "*Label*\nvalue" is shown as a bold label over its value.
    private static string? SlackField(string? text) =>
        text is null ? null : BoldLabel().Replace(text, "$1: ");

    [GeneratedRegex(@"<!date\^(\d+)\^[^|>]*\|[^>]*>")]
    private static partial Regex SlackDate();

    [GeneratedRegex(@"\{\{DATE\(([^,]+), SHORT\)\}\} \{\{TIME\([^)]+\)\}\}")]
    private static partial Regex TeamsDate();

    [GeneratedRegex(@"<((?:https?|mailto):[^|>]+)(?:\|([^>]+))?>")]
    private static partial Regex SlackLink();

    [GeneratedRegex(@"^\*([^*\n]+)\*\n")]
    private static partial Regex BoldLabel();

    [GeneratedRegex(@"\bref [0-9a-f]{8}\b")]
    private static partial Regex ErrorReference();
}
