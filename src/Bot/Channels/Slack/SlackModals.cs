using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// The report, RCA and customer reply modals. Each input's block_id is the form's field name, so the turn handler's
/// field errors map straight back onto <c>response_action: errors</c>.
/// </summary>
internal static class SlackModals
{
    public const string ReportCallback = "incident.report";
    public const string RcaCallback = "incident.rca";
    public const string TicketReplyCallback = "ticket.reply";
    private const string ValueAction = "value";

    /// <param name="channelId">Where the command was typed, so the confirmation can be shown there.</param>
    public static JsonObject Report(ResponsePlan plan, string? severity, string channelId)
    {
        var options = new JsonArray();
        JsonObject? initial = null;
        foreach (var level in plan.Severities)
        {
            var option = new JsonObject
            {
                ["text"] = BlockKitRenderer.Plain($"{level.Id} · {level.Name}", 75),
                ["description"] = BlockKitRenderer.Plain(level.Description, 75),
                ["value"] = level.Id,
            };
            options.Add(option);
            // Nothing is preselected unless asked: an untouched field must not silently choose for the reporter.
            if (string.Equals(level.Id, severity, StringComparison.OrdinalIgnoreCase))
                initial = option.DeepClone().AsObject();
        }

        var select = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = ValueAction,
            ["options"] = options,
            ["placeholder"] = BlockKitRenderer.Plain(Messages.SeverityHint.NoChoice(plan), 150),
        };
        if (initial is not null)
            select["initial_option"] = initial;
        return View(ReportCallback, "Report an incident", "Report", channelId, new JsonArray
        {
            Input("title", "Title", TextInput(Incident.MaxTitleLength, multiline: false, "What is broken?")),
            Input("severity", "Severity", select, optional: true, hint: Messages.SeverityHint.Field(plan)),
            Input("impact", "Customer impact", TextInput(Incident.MaxTextLength, multiline: true, "Who is affected and how?"), optional: true),
            Input("description", "Description", TextInput(Incident.MaxTextLength, multiline: true, "What you saw, since when, links"), optional: true),
            Input("private", "Visibility", new JsonObject
            {
                ["type"] = "checkboxes",
                ["action_id"] = ValueAction,
                ["options"] = new JsonArray { PrivateOption() },
            }, optional: true),
        });
    }

    // A security breach or data loss under investigation: a private channel, nothing in the announce channel.
    private static JsonObject PrivateOption() => new()
    {
        ["text"] = BlockKitRenderer.Plain("Private", 75),
        ["description"] = BlockKitRenderer.Plain(Messages.ChannelReplies.PrivateChoice, 150),
        ["value"] = "private",
    };

    /// <summary>The RCA modal; its metadata is the incident id and, after a '|', the channel to confirm in.</summary>
    public static JsonObject Rca(int incidentNumber, string channelId = "")
    {
        var id = IncidentId.Format(incidentNumber);
        var metadata = channelId.Length > 0 ? $"{id}|{channelId}" : id;
        return View(RcaCallback, $"RCA of {id}", "Submit RCA", metadata, new JsonArray
        {
            Input("root_cause", "Root cause", TextInput(Incident.MaxTextLength, multiline: true, "Why did it happen?")),
            Input("factors", "Contributing factors", TextInput(Incident.MaxTextLength, multiline: true, "What made it worse or slower to fix?"), optional: true),
            Input("actions", "Corrective actions with owners", TextInput(Incident.MaxTextLength, multiline: true, "One per line: action - owner - due")),
        });
    }

    /// <summary>The customer reply modal, pre-filled with the draft; its metadata is <c>42:INC-7</c> and, after a '|', the channel to confirm in.</summary>
    public static JsonObject TicketReply(long ticketId, int incidentNumber, string draft, string channelId = "")
    {
        var value = $"{ticketId.ToString(CultureInfo.InvariantCulture)}:{IncidentId.Format(incidentNumber)}";
        var input = TextInput(WriteBackText.MaxReplyLength, multiline: true, "What the customer reads");
        input["initial_value"] = draft;
        return View(TicketReplyCallback, $"Reply to ticket #{ticketId.ToString(CultureInfo.InvariantCulture)}", "Send reply",
            channelId.Length > 0 ? $"{value}|{channelId}" : value, new JsonArray
            {
                new JsonObject { ["type"] = "section", ["text"] = BlockKitRenderer.Plain("The customer receives this as it stands. Edit the draft, then send it.", 3000) },
                Input("reply", "Reply to the customer", input),
            });
    }

    /// <summary>The reply form, or null when the modal no longer says which ticket and incident it belongs to.</summary>
    public static TicketReplyForm? ReadTicketReply(JsonElement view) =>
        Metadata(view)?.Split('|')[0].Split(':') is [var ticket, var incident]
        && long.TryParse(ticket, NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId) && IncidentId.TryParse(incident, out var number)
            ? new TicketReplyForm(ticketId, number, Text(view, "reply"))
            : null;

    public static ReportForm ReadReport(JsonElement view) =>
        new(Text(view, "title"), Selected(view, "severity"), Text(view, "impact"), Text(view, "description"), Checked(view, "private"));

    /// <summary>The RCA form, or null when the modal no longer says which incident it belongs to.</summary>
    public static RcaForm? ReadRca(JsonElement view) =>
        IncidentId.TryParse(Metadata(view)?.Split('|')[0], out var number)
            ? new RcaForm(number, Text(view, "root_cause"), Text(view, "factors"), Text(view, "actions"))
            : null;

    /// <summary>The channel the RCA or reply modal was opened from, where its outcome is confirmed; null when unknown.</summary>
    public static string? RcaChannel(JsonElement view) =>
        Metadata(view)?.Split('|') is [_, { Length: > 0 } channel] ? channel : null;

    public static string? Metadata(JsonElement view) =>
        view.TryGetProperty("private_metadata", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;

    private static JsonObject View(string callback, string title, string submit, string metadata, JsonArray blocks) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = callback,
        ["title"] = BlockKitRenderer.Plain(title, 24),
        ["submit"] = BlockKitRenderer.Plain(submit, 24),
        ["close"] = BlockKitRenderer.Plain("Cancel", 24),
        ["private_metadata"] = metadata.Length > 3000 ? metadata[..3000] : metadata,
        ["blocks"] = blocks,
    };

    private static JsonObject Input(string field, string label, JsonObject element, bool optional = false, string? hint = null)
    {
        var input = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = field,
            ["label"] = BlockKitRenderer.Plain(label, 2000),
            ["optional"] = optional,
            ["element"] = element,
        };
        if (hint is not null)
            input["hint"] = BlockKitRenderer.Plain(hint, 2000);
        return input;
    }

    private static JsonObject TextInput(int max, bool multiline, string placeholder) => new()
    {
        ["type"] = "plain_text_input",
        ["action_id"] = ValueAction,
        ["multiline"] = multiline,
        ["max_length"] = max,
        ["placeholder"] = BlockKitRenderer.Plain(placeholder, 150),
    };

    private static JsonElement? Value(JsonElement view, string field) =>
        view.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var values)
        && values.TryGetProperty(field, out var block) && block.TryGetProperty(ValueAction, out var input)
            ? input
            : null;

    private static string? Text(JsonElement view, string field) =>
        Value(view, field) is { } input && input.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    private static bool Checked(JsonElement view, string field) =>
        Value(view, field) is { } input && input.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array
        && options.GetArrayLength() > 0;

    private static string? Selected(JsonElement view, string field) =>
        Value(view, field) is { } input && input.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object
        && option.TryGetProperty("value", out var v)
            ? v.GetString()
            : null;
}
