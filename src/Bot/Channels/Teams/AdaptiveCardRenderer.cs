using System.Globalization;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>How a card's buttons come back: as a message (<c>Action.Submit</c>) or an invoke answered with a fresh card (<c>Action.Execute</c>).</summary>
internal enum CardActions
{
    Submit,
    Execute,
}

/// <summary>Adaptive Card 1.5 JSON from the neutral <see cref="Card"/>. The only place Teams card JSON is built, with the forms.</summary>
internal static class AdaptiveCardRenderer
{
    public const string Version = "1.5";
    public const string RefreshVerb = "incident.refresh";

    /// <summary>
    /// A post as an activity: the sentence as its text (Teams shows it above the card), and its card or its buttons.
    /// </summary>
    public static JsonObject Message(OutgoingMessage message)
    {
        var card = message.CardUnderText is { } shown ? Card(shown)
            : message.Buttons.Count > 0 ? Prompt(message.Text, message.Buttons)
            : null;
        return TeamsActivities.Message(message.Text, card);
    }

    public static JsonObject Card(Card card, CardActions actions = CardActions.Submit)
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock", ["text"] = card.Title, ["size"] = "Large", ["weight"] = "Bolder",
                ["wrap"] = true, ["color"] = Color(card.Tone),
            },
        };
        if (!string.IsNullOrWhiteSpace(card.Summary))
            body.Add(Text(card.Summary));
        if (card.Fields.Count > 0)
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray([.. card.Fields.Select(Fact)]) });
        if (!string.IsNullOrWhiteSpace(card.Context))
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = card.Context, ["isSubtle"] = true, ["size"] = "Small", ["wrap"] = true });

        var json = Shell(body, card.Title);
        if (card.Buttons.Count > 0)
            json["actions"] = new JsonArray([.. card.Buttons.Select(b => Button(b, actions))]);
        if (actions == CardActions.Execute && IncidentOf(card) is { } incident)
        {
            // Universal Actions: Teams asks for a fresh card when the card is shown again.
            json["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = RefreshVerb,
                    ["data"] = new JsonObject { ["action"] = RefreshVerb, ["incident"] = incident },
                },
            };
        }

        return json;
    }

    /// <summary>
    /// The buttons under a sentence (RCA prompt, update nudge). Teams shows the activity's text above its card, so the
    /// card carries only the buttons; the sentence stays its fallback for clients that cannot show cards.
    /// </summary>
    public static JsonObject Prompt(string text, IEnumerable<CardButton> buttons)
    {
        var json = Shell([], text);
        json["actions"] = new JsonArray([.. buttons.Select(b => Button(b, CardActions.Submit))]);
        return json;
    }

    public static JsonObject Shell(JsonArray body, string fallback) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = Version,
        ["fallbackText"] = fallback,
        ["body"] = body,
    };

    public static JsonObject Text(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };

    /// <summary>Times show in the reader's own time zone through Teams' DATE/TIME functions.</summary>
    public static string TimeText(DateTimeOffset at)
    {
        var rfc3339 = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"{{{{DATE({rfc3339}, SHORT)}}}} {{{{TIME({rfc3339})}}}}";
    }

    private static JsonObject Fact(CardField field) => new()
    {
        ["title"] = field.Label,
        ["value"] = field.Time is { } at ? TimeText(at) : field.Value,
    };

    private static JsonObject Button(CardButton button, CardActions actions)
    {
        var data = new JsonObject { ["action"] = button.ActionId, [ValueKey(button.ActionId)] = button.Value };
        var json = actions == CardActions.Execute
            ? new JsonObject { ["type"] = "Action.Execute", ["title"] = button.Text, ["verb"] = button.ActionId, ["data"] = data }
            : new JsonObject { ["type"] = "Action.Submit", ["title"] = button.Text, ["data"] = data };
        if (button.Style != ButtonStyle.Default)
            json["style"] = button.Style == ButtonStyle.Danger ? "destructive" : "positive";
        return json;
    }

    /// <summary>Ticket buttons carry <c>ticket</c>, all others <c>incident</c>.</summary>
    public static string ValueKey(string actionId) =>
        actionId.StartsWith("ticket.", StringComparison.Ordinal) ? "ticket" : "incident";

    private static string? IncidentOf(Card card) =>
        card.Buttons.FirstOrDefault(b => ValueKey(b.ActionId) == "incident")?.Value.Split(' ')[0]
        ?? (card.Title.StartsWith("INC-", StringComparison.Ordinal) ? card.Title.Split(' ')[0] : null);

    private static string Color(CardTone tone) => tone switch
    {
        CardTone.Critical => "Attention",
        CardTone.Warning => "Warning",
        CardTone.Good => "Good",
        _ => "Default",
    };
}
