using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>Outgoing activities: always a plain text (notifications, screen readers), optionally one Adaptive Card.</summary>
internal static class TeamsActivities
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Message(string text, JsonObject? card = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["textFormat"] = "plain",
        };
        if (card is not null)
        {
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = CardContentType,
                ["content"] = card,
            });
        }

        return activity;
    }

    public static JsonObject WithReplyTo(this JsonObject activity, string activityId)
    {
        activity["replyToId"] = activityId;
        return activity;
    }

    public static JsonObject WithId(this JsonObject activity, string activityId)
    {
        activity["id"] = activityId;
        return activity;
    }
}
