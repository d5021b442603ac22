using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>
/// Slack through <see cref="SlackHost"/> and its fake Web API: slash commands and button presses are signed
/// requests, answers are the HTTP reply or the <c>response_url</c> posts, posts are <c>chat.postMessage</c>
/// calls and cards are their latest <c>chat.postMessage</c>/<c>chat.update</c> blocks.
/// </summary>
internal sealed class SlackDriver : ChatDriver
{
    private readonly SlackHost _host;

    public SlackDriver() => _host = new SlackHost(Clock, ("ResponsePlan:Path", ParityPlan.Path));

    public override string Channel => "Slack";

    protected override IServiceProvider Services => _host.Services;

    protected override HttpClient NewClient() => _host.CreateClient();

    public override async Task<ChatTurn> SayAsync(string person, string commandLine, Place? where = null)
    {
        var space = commandLine.IndexOf(' ', StringComparison.Ordinal);
        var (command, text) = space < 0 ? (commandLine, "") : (commandLine[..space], commandLine[(space + 1)..]);
        var channel = where is null ? "C0WHERE" : await ConversationAsync(where) ?? throw new InvalidOperationException($"Slack has no conversation for {where}.");
        var mark = _host.Slack.Calls.Count;

        using var response = await SettleAsync(_host.CommandAsync(SlackUser(person), command, text, channel));

        var body = await response.Content.ReadAsStringAsync();
        var answer = body.Length == 0 ? null : Shown((string?)JsonNode.Parse(body)?["text"]);
        return await TurnAsync(mark, answer);
    }

    public override async Task<ChatTurn> PressAsync(string person, string actionId, string incidentId, Place? on = null)
    {
        var mark = _host.Slack.Calls.Count;
        var where = await ConversationAsync(on ?? Place.Announce)
            ?? throw new InvalidOperationException($"Slack has no conversation for {on}.");

        using var response = await SettleAsync(_host.PressAsync(SlackUser(person), actionId, incidentId, where));

        return await TurnAsync(mark, null);
    }

    public override async Task<ChatTurn> PressOnPostAsync(string person, string actionId, string value, Place on)
    {
        var mark = _host.Slack.Calls.Count;
        var where = await ConversationAsync(on) ?? throw new InvalidOperationException($"Slack has no conversation for {on}.");

        using var response = await SettleAsync(_host.PressAsync(SlackUser(person), actionId, value, where));

        return await TurnAsync(mark, null);
    }

    public override async Task<ChatTurn> SubmitAsync(string person, ChatForm form, params (string Field, string Value)[] fields)
    {
        var mark = _host.Slack.Calls.Count;

        using var response = await SettleAsync(_host.SubmitAsync(SlackUser(person), form.Handle, form.Conversation, fields));

        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0 && JsonNode.Parse(body)?["errors"] is JsonObject errors)
            return new ChatTurn(string.Join('\n', errors.Select(e => (string?)e.Value)), form); // the modal stays open
        return await TurnAsync(mark, null);
    }

    public override async Task<IReadOnlyList<string>> PostsAsync(Place place)
    {
        var where = await ConversationAsync(place);
        return where is null ? [] : _host.Slack.Succeeded("chat.postMessage").Where(c => c.Channel == where).Select(c => Shown(c.Text)!).ToList();
    }

    public override async Task<string?> CardAsync(Place place, string incidentId)
    {
        var where = await ConversationAsync(place);
        var post = (await Ledger.PostsOfAsync(NumberOf(incidentId), "slack", "card")).LastOrDefault(p => p.ConversationId == where);
        return post is null ? null : Card(post.ConversationId, post.MessageId);
    }

    public override async Task<IReadOnlyList<string>> CardsAsync(string incidentId) =>
        (await Ledger.PostsOfAsync(NumberOf(incidentId), "slack", "card")).Select(p => Card(p.ConversationId, p.MessageId) ?? "").ToList();

    public override ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>The answer shown to the person (HTTP reply, response_url, ephemeral) and any modal opened; then the outbox.</summary>
    private async Task<ChatTurn> TurnAsync(int mark, string? answer)
    {
        var calls = _host.Slack.Calls.Skip(mark).ToList();
        var said = calls.Where(c => c.Method is "response_url" or "chat.postEphemeral").Select(c => Shown(c.Text)).Prepend(answer).OfType<string>();
        var form = calls.Where(c => c.Method == "views.open" && c.Ok).Select(c => c.Body["view"]!).Select(view => new ChatForm(
            (string?)view["callback_id"] == "incident.rca" ? FormKind.Rca : FormKind.Report,
            (string?)view["callback_id"] == "incident.rca" ? ((string?)view["private_metadata"])?.Split('|')[0] : null,
            (string)view["callback_id"]!,
            (string?)view["private_metadata"] ?? "")).LastOrDefault();
        await FlushAsync();
        return new ChatTurn(string.Join('\n', said), form);
    }

    private string? Card(string conversation, string ts)
    {
        var latest = _host.Slack.Calls.LastOrDefault(c => c.Ok && c.Channel == conversation
            && ((c.Method == "chat.postMessage" && c.Ts == ts) || (c.Method == "chat.update" && (string?)c.Body["ts"] == ts)));
        return latest is null ? null : CardText.Of(latest.Body["blocks"], "text");
    }

    private async Task<string?> ConversationAsync(Place place) => place.Kind switch
    {
        PlaceKind.Announce => Plan.Channels.Announce.Slack,
        PlaceKind.Management => Plan.Channels.Management.Slack,
        PlaceKind.Incident => await Ledger.ConversationOfIncidentAsync("slack", NumberOf(place.Key!)),
        // The fake opens a DM with user U… as conversation DU….
        PlaceKind.Direct => "D" + SlackUser(place.Key!),
        _ => null,
    };

    private string SlackUser(string person) => PersonOf(person).Slack ?? throw new ArgumentException($"{person} has no Slack id.", nameof(person));

    // What Slack shows for a text the bot escaped for mrkdwn.
    private static string? Shown(string? text) =>
        text?.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
