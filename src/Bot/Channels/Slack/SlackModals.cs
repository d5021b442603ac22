using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Renders a <see cref="FormSpec"/> (report, RCA, customer reply) as a modal. Each input's block_id is the field's key,
/// so the turn handler's field errors map straight back onto <c>response_action: errors</c>.
/// </summary>
internal static class SlackModals
{
    public const string ReportCallback = "incident.report";
    public const string RcaCallback = "incident.rca";
    public const string TicketReplyCallback = "ticket.reply";
    private const string ValueAction = "value";

    /// <param name="channelId">Where the form was asked for, so its outcome can be confirmed there.</param>
    public static JsonObject Render(FormSpec form, string channelId)
    {
        ArgumentNullException.ThrowIfNull(form);
        var blocks = new JsonArray();
        if (form.Intro is { } intro)
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = BlockKitRenderer.Plain(intro, 3000) });
        foreach (var field in form.Fields)
            blocks.Add(Input(field));
        var (callback, metadata) = form.Kind switch
        {
            FormKind.Report => (ReportCallback, channelId),
            FormKind.Rca => (RcaCallback, WithChannel(IncidentId.Format(form.IncidentNumber!.Value), channelId)),
            _ => (TicketReplyCallback,
                WithChannel($"{form.TicketId!.Value.ToString(CultureInfo.InvariantCulture)}:{IncidentId.Format(form.IncidentNumber!.Value)}", channelId)),
        };
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = callback,
            ["title"] = BlockKitRenderer.Plain(form.Title, 24),
            ["submit"] = BlockKitRenderer.Plain(form.Submit, 24),
            ["close"] = BlockKitRenderer.Plain("Cancel", 24),
            ["private_metadata"] = metadata.Length > 3000 ? metadata[..3000] : metadata,
            ["blocks"] = blocks,
        };
    }

    /// <summary>The reply form, or null when the modal no longer says which ticket and incident it belongs to.</summary>
    public static TicketReplyForm? ReadTicketReply(JsonElement view) =>
        Metadata(view)?.Split('|')[0].Split(':') is [var ticket, var incident]
        && long.TryParse(ticket, NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId) && IncidentId.TryParse(incident, out var number)
            ? Forms.ReadTicketReply(ticketId, number, key => Answer(view, key))
            : null;

    public static ReportForm ReadReport(JsonElement view) => Forms.ReadReport(key => Answer(view, key));

    /// <summary>The RCA form, or null when the modal no longer says which incident it belongs to.</summary>
    public static RcaForm? ReadRca(JsonElement view) =>
        IncidentId.TryParse(Metadata(view)?.Split('|')[0], out var number) ? Forms.ReadRca(number, key => Answer(view, key)) : null;

    /// <summary>The channel the RCA or reply modal was opened from, where its outcome is confirmed; null when unknown.</summary>
    public static string? RcaChannel(JsonElement view) =>
        Metadata(view)?.Split('|') is [_, { Length: > 0 } channel] ? channel : null;

    public static string? Metadata(JsonElement view) =>
        view.TryGetProperty("private_metadata", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;

    private static string WithChannel(string metadata, string channelId) => channelId.Length > 0 ? $"{metadata}|{channelId}" : metadata;

    private static JsonObject Input(FormField field)
    {
        var input = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = field.Key,
            ["label"] = BlockKitRenderer.Plain(field.Label, 2000),
            ["optional"] = field.Optional,
            ["element"] = field.Kind switch
            {
                FieldKind.Choice => Select(field),
                FieldKind.Toggle => Checkbox(field),
                _ => TextInput(field),
            },
        };
        if (field.Hint is not null)
            input["hint"] = BlockKitRenderer.Plain(field.Hint, 2000);
        return input;
    }

    private static JsonObject TextInput(FormField field)
    {
        var input = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = ValueAction,
            ["multiline"] = field.Kind == FieldKind.Text,
        };
        if (field.MaxLength is { } max)
            input["max_length"] = max;
        if (field.Placeholder is not null)
            input["placeholder"] = BlockKitRenderer.Plain(field.Placeholder, 150);
        if (field.Initial is not null)
            input["initial_value"] = field.Initial;
        return input;
    }

    private static JsonObject Select(FormField field)
    {
        var select = Choices("static_select", field);
        if (field.Placeholder is not null)
            select["placeholder"] = BlockKitRenderer.Plain(field.Placeholder, 150);
        if (field.Choices.FirstOrDefault(c => c.Value == field.Initial) is { } initial)
            select["initial_option"] = Option(initial);
        return select;
    }

    // A toggle is a group of one checkbox: its one choice, ticked or not.
    private static JsonObject Checkbox(FormField field)
    {
        var box = Choices("checkboxes", field);
        if (field.Initial == "true" && field.Choices.Count > 0)
            box["initial_options"] = new JsonArray(Option(field.Choices[0]));
        return box;
    }

    private static JsonObject Choices(string type, FormField field) => new()
    {
        ["type"] = type,
        ["action_id"] = ValueAction,
        ["options"] = new JsonArray([.. field.Choices.Select(Option)]),
    };

    private static JsonObject Option(FormChoice choice)
    {
        var option = new JsonObject { ["text"] = BlockKitRenderer.Plain(choice.Text, 75) };
        if (choice.Description is not null)
            option["description"] = BlockKitRenderer.Plain(choice.Description, 150);
        option["value"] = choice.Value;
        return option;
    }

    /// <summary>A field's answer as text: what was typed, the choice's value, or <c>true</c>/<c>false</c> for checkboxes.</summary>
    private static string? Answer(JsonElement view, string field)
    {
        if (!view.TryGetProperty("state", out var state) || !state.TryGetProperty("values", out var values)
            || !values.TryGetProperty(field, out var block) || !block.TryGetProperty(ValueAction, out var input))
            return null;
        if (input.TryGetProperty("value", out var text))
            return text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        if (input.TryGetProperty("selected_option", out var option))
            return option.ValueKind == JsonValueKind.Object && option.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (input.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array)
            return options.GetArrayLength() > 0 ? "true" : "false";
        return null;
    }
}
