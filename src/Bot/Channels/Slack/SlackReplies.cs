using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Hosting;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>Answers shown only to the person who asked: the HTTP reply to a slash command, or a response_url post.</summary>
internal static class SlackReplies
{
    public static JsonObject Ephemeral(TurnReply reply)
    {
        var body = new JsonObject { ["response_type"] = "ephemeral", ["text"] = reply.Text };
        if (Blocks(reply) is { } blocks)
            body["blocks"] = blocks;
        return body;
    }

    /// <summary>The sentence on top, then the card (e.g. for <c>/incident show</c>); null when there is no card.</summary>
    public static JsonArray? Blocks(TurnReply reply)
    {
        if (reply.Card is null)
            return null;
        var blocks = BlockKitRenderer.Prompt(reply.Text, []);
        // The card's blocks are moved, not copied: the card array is built for this reply only.
        var card = BlockKitRenderer.Card(reply.Card);
        var moved = card.ToArray();
        card.Clear();
        foreach (var block in moved)
            blocks.Add(block);
        return blocks;
    }

    public static IResult Json(JsonObject body) => new JsonText(body.ToJsonString());

    /// <summary>What to say when no form can be opened (a chat line has no trigger_id, or Slack refused the modal).</summary>
    public static string FormHint(FormRequest form) => form.Kind == FormKind.Report
        ? "Report with /incident report <title> [sev1..sev4] [impact: <text>] (the bare slash command opens a form)."
        : $"Press the card's Submit RCA button, or type /incident rca INC-{form.IncidentNumber} <root cause> actions: <corrective actions>.";
}
