using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

/// <summary>Builders for the activities Teams sends.</summary>
internal static class Activities
{
    public const string BotId = "28:" + TeamsHost.AppId;
    public const string AnaId = "29:ana-aad";
    public const string AnaChat = "a:ana-personal";
    public const string Announce = "19:incidents@thread.tacv2";
    public const string Tenant = "tenant-1";
    private static int _ids;

    public static JsonObject Message(string text, string from = AnaId, string conversation = AnaChat, string type = "personal")
    {
        var activity = Base("message", from, conversation, type);
        activity["text"] = text;
        return activity;
    }

    /// <summary>A channel message that @mentions the bot, as Teams sends it.</summary>
    public static JsonObject Mention(string command, string conversation = Announce)
    {
        var activity = Message($"<at>IncidentBot</at> {command}", conversation: conversation, type: "channel");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>IncidentBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "IncidentBot" },
        });
        return activity;
    }

    /// <summary>An Action.Submit button pressed on the card with activity id <paramref name="cardId"/>.</summary>
    public static JsonObject Pressed(string action, string incident, string cardId, string conversation = Announce)
    {
        var activity = Base("message", AnaId, conversation, "channel");
        activity["replyToId"] = cardId;
        activity["value"] = new JsonObject { ["action"] = action, ["incident"] = incident };
        return activity;
    }

    public static JsonObject Execute(string verb, JsonObject data, string conversation = Announce)
    {
        var activity = Base("invoke", AnaId, conversation, "channel");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public static JsonObject BotAdded(string conversation = Announce)
    {
        var activity = Base("conversationUpdate", AnaId, conversation, "channel");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    private static JsonObject Base(string type, string from, string conversation, string conversationType) => new()
    {
        ["type"] = type,
        ["id"] = $"in-{Interlocked.Increment(ref _ids)}",
        ["channelId"] = "msteams",
        ["serviceUrl"] = FakeBotFramework.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = from, ["name"] = "Ana" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "IncidentBot" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = conversationType, ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };
}
