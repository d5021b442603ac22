using System.Globalization;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// Renders a <see cref="FormSpec"/> (report, RCA, customer reply) as an Adaptive Card with inputs. Input ids are the field
/// keys of <c>FormResult.Errors</c>, so a refused submission re-renders the same form with each message under its field.
/// </summary>
internal static class AdaptiveFormRenderer
{
    /// <param name="values">What the sender had filled in, shown again instead of the form's initial values.</param>
    /// <param name="errors">Why the server refused the submission, by field key; each is shown under its field.</param>
    public static JsonObject Render(FormSpec form, IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var body = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = form.Title, ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true } };
        if (form.Intro is { } intro)
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = intro, ["wrap"] = true });
        foreach (var field in form.Fields)
        {
            // A form shown again after a refusal keeps what the sender left, an emptied field included.
            body.Add(Input(field, values is null ? field.Initial : Value(values, field.Key)));
            if (errors is not null && errors.TryGetValue(field.Key, out var error))
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = error, ["color"] = "Attention", ["wrap"] = true, ["spacing"] = "None" });
            if (field.Hint is not null)
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = field.Hint, ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small", ["spacing"] = "None" });
        }

        var data = new JsonObject { ["form"] = form.Id };
        if (form.TicketId is { } ticket)
            data["ticket"] = ticket.ToString(CultureInfo.InvariantCulture);
        if (form.IncidentNumber is { } incident)
            data["incident"] = IncidentId.Format(incident);
        var card = AdaptiveCardRenderer.Shell(body, form.Title);
        card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = form.Submit, ["style"] = "positive", ["data"] = data });
        return card;
    }

    private static JsonObject Input(FormField field, string? value)
    {
        var input = field.Kind switch
        {
            FieldKind.Choice => new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["style"] = "compact",
                ["choices"] = new JsonArray([.. field.Choices.Select(c => new JsonObject
                {
                    ["title"] = c.Description is { } meaning ? $"{c.Text} — {meaning}" : c.Text, ["value"] = c.Value,
                })]),
            },
            FieldKind.Toggle => new JsonObject
            {
                ["type"] = "Input.Toggle",
                ["title"] = field.Choices is [var on, ..] ? (on.Description is { } meaning ? $"{on.Text}: {meaning}" : on.Text) : field.Label,
                ["valueOn"] = "true",
                ["valueOff"] = "false",
                ["wrap"] = true,
            },
            _ => new JsonObject { ["type"] = "Input.Text" },
        };
        input["id"] = field.Key;
        input["label"] = field.Label;
        if (field.Placeholder is not null && field.Kind != FieldKind.Toggle)
            input["placeholder"] = field.Placeholder;
        if (field.Kind == FieldKind.Text)
            input["isMultiline"] = true;
        if (field.MaxLength is { } max && field.Kind is FieldKind.Line or FieldKind.Text)
            input["maxLength"] = max;
        if (!field.Optional)
        {
            input["isRequired"] = true;
            input["errorMessage"] = field.Missing ?? $"{field.Label} is required.";
        }

        if (value is not null)
            input["value"] = value;
        return input;
    }

    private static string? Value(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
