using System.Globalization;
using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// The Web API methods the bot uses. Each post carries a <c>text</c> for notifications and screen readers, escaped here
/// for Slack's mrkdwn (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>): a title such as <c>&lt;b&gt;down&lt;/b&gt;</c> is shown as typed, not
/// read as a link or a mention.
/// </summary>
internal sealed partial class SlackApiClient
{
    /// <summary>Posts a message; returns its <c>ts</c>, the id <c>chat.update</c> needs later.</summary>
    public async Task<string> PostMessageAsync(string channel, string text, JsonArray? blocks, string? threadTs, CancellationToken ct)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = BlockKitRenderer.Escape(text) };
        if (blocks is not null)
            body["blocks"] = blocks;
        if (threadTs is not null)
            body["thread_ts"] = threadTs;
        var reply = await CallAsync("chat.postMessage", body, ct);
        return reply["ts"]?.GetValue<string>() ?? throw new SlackApiException("chat.postMessage", "no_ts", transient: false);
    }

    /// <summary>A member's name as people see it in Slack: the display name, else the real name; null when Slack has neither.</summary>
    public async Task<string?> UserNameAsync(string user, CancellationToken ct)
    {
        var reply = await CallFormAsync("users.info", new Dictionary<string, string> { ["user"] = user }, ct, "user_not_found");
        var profile = reply["user"]?["profile"];
        return new[] { profile?["display_name"], profile?["real_name"], reply["user"]?["real_name"] }
            .Select(n => n?.GetValue<string>()?.Trim())
            .FirstOrDefault(n => !string.IsNullOrEmpty(n));
    }

    public Task UpdateMessageAsync(string channel, string ts, string text, JsonArray? blocks, CancellationToken ct, params string[] quiet)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = BlockKitRenderer.Escape(text) };
        if (blocks is not null)
            body["blocks"] = blocks;
        return CallAsync("chat.update", body, ct, quiet);
    }

    public Task PostEphemeralAsync(string channel, string user, string text, JsonArray? blocks, CancellationToken ct)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = BlockKitRenderer.Escape(text) };
        if (blocks is not null)
            body["blocks"] = blocks;
        return CallAsync("chat.postEphemeral", body, ct);
    }

    /// <summary>Creates a public channel named <paramref name="name"/>, or <c>name-2</c>, <c>name-3</c>… when taken; returns its id.</summary>
    /// <param name="isPrivate">A private channel (<c>is_private</c>): only the people invited see it, for a private incident.</param>
    public async Task<string> CreateChannelAsync(string name, CancellationToken ct, bool isPrivate = false)
    {
        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? name : Suffixed(name, suffix);
            try
            {
                var reply = await CallAsync("conversations.create", new JsonObject { ["name"] = candidate, ["is_private"] = isPrivate }, ct, "name_taken");
                return reply["channel"]?["id"]?.GetValue<string>() ?? throw new SlackApiException("conversations.create", "no_channel", transient: false);
            }
            catch (SlackApiException ex) when (ex.Error == "name_taken" && suffix < 20)
            {
                // Someone (or an earlier attempt of ours) holds the name; try the next suffix.
            }
        }
    }

    /// <summary>Invites people; people already there or the bot itself are not errors.</summary>
    public Task InviteAsync(string channel, IReadOnlyCollection<string> users, CancellationToken ct) =>
        CallAsync("conversations.invite", new JsonObject { ["channel"] = channel, ["users"] = string.Join(',', users) }, ct,
            "already_in_channel", "cant_invite_self");

    public Task PinAsync(string channel, string ts, CancellationToken ct) =>
        CallAsync("pins.add", new JsonObject { ["channel"] = channel, ["timestamp"] = ts }, ct, "already_pinned");

    public Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken ct) =>
        CallAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, ct);

    /// <summary>The id of the bot's direct-message conversation with a user (opened if needed).</summary>
    public async Task<string> OpenDirectMessageAsync(string user, CancellationToken ct)
    {
        var reply = await CallAsync("conversations.open", new JsonObject { ["users"] = user }, ct);
        return reply["channel"]?["id"]?.GetValue<string>() ?? throw new SlackApiException("conversations.open", "no_channel", transient: false);
    }

    private static string Suffixed(string name, int suffix)
    {
        var tail = "-" + suffix.ToString(CultureInfo.InvariantCulture);
        return (name.Length + tail.Length > 80 ? name[..(80 - tail.Length)] : name) + tail;
    }
}
