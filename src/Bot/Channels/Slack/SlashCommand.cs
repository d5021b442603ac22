using System.Text.Json;
using static Jivrus.IncidentBot.Bot.Channels.Slack.SlackJson;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// The fields of a slash command the bot reads, from either door: the signed form Slack posts over HTTP, or the JSON
/// payload of a Socket Mode <c>slash_commands</c> envelope (the same field names). A field Slack left out is empty.
/// </summary>
internal readonly record struct SlashCommand(string Command, string Text, string UserId, string? UserName, string ChannelId, string? TriggerId)
{
    public static SlashCommand From(SlackForm form) =>
        new(form["command"], form["text"], form["user_id"], NullIfEmpty(form["user_name"]), form["channel_id"], NullIfEmpty(form["trigger_id"]));

    public static SlashCommand From(JsonElement payload) =>
        new(Str(payload, "command") ?? "", Str(payload, "text") ?? "", Str(payload, "user_id") ?? "",
            NullIfEmpty(Str(payload, "user_name")), Str(payload, "channel_id") ?? "", NullIfEmpty(Str(payload, "trigger_id")));

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
