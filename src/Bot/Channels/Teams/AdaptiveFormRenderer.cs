using System.Globalization;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// The report, RCA and customer reply forms as Adaptive Cards with inputs. Input ids are the field keys of
/// <c>FormResult.Errors</c>, so a refused submission re-renders the same form with each message under its field.
/// </summary>
internal static class AdaptiveFormRenderer
{
    public const string ReportForm = "report";
    public const string RcaForm = "rca";
    public const string TicketReplyForm = "ticket-reply";

    public static JsonObject Report(ResponsePlan plan, IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        var body = new JsonArray { Heading("Report an incident") };
        Add(body, Input("title", "Title", "What is broken, in a few words", values, required: "Give the incident a title."), errors);
        var severity = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = "severity",
            ["label"] = "Severity",
            ["style"] = "compact",
            ["placeholder"] = Messages.SeverityHint.NoChoice(plan),
            ["choices"] = new JsonArray([.. plan.Severities.Select(s => new JsonObject
            {
                ["title"] = $"{s.Id} · {s.Name}{(s.Description.Length > 0 ? $" — {s.Description}" : "")}", ["value"] = s.Id,
            })]),
        };
        if (Value(values, "severity") is { } chosen)
            severity["value"] = chosen;
        Add(body, severity, errors);
        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Messages.SeverityHint.Field(plan), ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small", ["spacing"] = "None" });
        Add(body, Input("impact", "Impact", "Who or what is affected", values, multiline: true), errors);
        Add(body, Input("description", "Description", "What happened, what you have tried", values, multiline: true), errors);
        var isPrivate = new JsonObject
        {
            ["type"] = "Input.Toggle",
            ["id"] = "private",
            ["title"] = $"Private: {Messages.ChannelReplies.PrivateChoice}",
            ["valueOn"] = "true",
            ["valueOff"] = "false",
            ["wrap"] = true,
        };
        if (Value(values, "private") is { } on)
            isPrivate["value"] = on;
        body.Add(isPrivate);
        return Form(body, "Report incident", new JsonObject { ["form"] = ReportForm }, "Report an incident");
    }

    public static JsonObject Rca(int incidentNumber, IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        var id = IncidentId.Format(incidentNumber);
        var body = new JsonArray { Heading($"Root-cause analysis of {id}") };
        Add(body, Input("root_cause", "Root cause", "What caused the incident", values, multiline: true, required: "Say what caused the incident."), errors);
        Add(body, Input("factors", "Contributing factors", "What made it worse or slower to fix", values, multiline: true), errors);
        Add(body, Input("actions", "Corrective actions with owners", "One per line: action — owner", values, multiline: true,
            required: "Name at least one corrective action and its owner."), errors);
        return Form(body, "Submit RCA", new JsonObject { ["form"] = RcaForm, ["incident"] = id }, $"Root-cause analysis of {id}");
    }

    /// <summary>The reply to a ticket's customer, pre-filled with the draft (or what the sender had written, on a refusal).</summary>
    public static JsonObject TicketReply(long ticketId, int incidentNumber, IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        var ticket = ticketId.ToString(CultureInfo.InvariantCulture);
        var body = new JsonArray
        {
            Heading($"Reply to the customer of ticket #{ticket}"),
            new JsonObject { ["type"] = "TextBlock", ["text"] = "The customer receives this as it stands. Edit the draft, then send it.", ["wrap"] = true },
        };
        var reply = Input("reply", "Reply", "What the customer reads", values, multiline: true, required: "Write the reply to the customer; an empty reply is not sent.");
        reply["maxLength"] = WriteBackText.MaxReplyLength;
        Add(body, reply, errors);
        var data = new JsonObject { ["form"] = TicketReplyForm, ["ticket"] = ticket, ["incident"] = IncidentId.Format(incidentNumber) };
        return Form(body, "Send reply", data, $"Reply to the customer of ticket #{ticket}");
    }

    private static JsonObject Form(JsonArray body, string submit, JsonObject data, string fallback)
    {
        var card = AdaptiveCardRenderer.Shell(body, fallback);
        card["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = submit,
            ["style"] = "positive",
            ["data"] = data,
        });
        return card;
    }

    private static JsonObject Heading(string text) =>
        new() { ["type"] = "TextBlock", ["text"] = text, ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true };

    private static JsonObject Input(string id, string label, string placeholder, IReadOnlyDictionary<string, string>? values,
        bool multiline = false, string? required = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["placeholder"] = placeholder };
        if (multiline)
            input["isMultiline"] = true;
        if (required is not null)
        {
            input["isRequired"] = true;
            input["errorMessage"] = required;
        }

        if (Value(values, id) is { } value)
            input["value"] = value;
        return input;
    }

    /// <summary>Adds an input and, when the server refused its value, the reason right under it.</summary>
    private static void Add(JsonArray body, JsonObject input, IReadOnlyDictionary<string, string>? errors)
    {
        body.Add(input);
        if (errors is not null && errors.TryGetValue((string)input["id"]!, out var error))
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = error, ["color"] = "Attention", ["wrap"] = true, ["spacing"] = "None" });
    }

    private static string? Value(IReadOnlyDictionary<string, string>? values, string key) =>
        values is not null && values.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
