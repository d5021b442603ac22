using System.Net;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// Slack through the fake Web API: commands are typed in #incidents (signed slash commands), buttons are
/// pressed in the conversation named, and every <c>chat.postMessage</c>, <c>chat.update</c>, ephemeral answer,
/// <c>response_url</c> answer and <c>views.open</c> is a transcript line.
/// </summary>
internal sealed class SlackTranscript : TranscriptChannel
{
    private readonly SlackHost _host;
    private readonly Dictionary<string, string> _names = [];
    private readonly HashSet<string> _private = [];
    private JsonObject? _lastForm;
    private string _actingIn = "?";
    private int _seen;

    public SlackTranscript() => _host = new SlackHost(Clock, Settings);

    protected override IServiceProvider Services => _host.Services;

    protected override IReadOnlyList<DeliveryRequest> Deliveries => _host.Posts.Deliveries;

    protected override HttpClient CreateClient() => _host.CreateClient();

    public override async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Freshdesk.Dispose();
    }

    protected override async Task SayCoreAsync(string person, string line, Where where)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var (command, text) = space < 0 ? (line, "") : (line[..space], line[(space + 1)..]);
        var channel = ConversationOf(where);
        _actingIn = NameOf(channel);
        using var response = await Settle(_host.CommandAsync(SlackUser(person), command, text, channel));
        response.StatusCode.Should().Be(HttpStatusCode.OK, "Slack must accept the command");
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0 && JsonNode.Parse(body) is JsonObject answer)
            Show(NameOf(channel), "answer", answer);
        RecordPosts();
    }

    protected override async Task PressCoreAsync(string person, string actionId, string value, Where on)
    {
        _actingIn = NameOf(ConversationOf(on));
        using var response = await Settle(_host.PressAsync(SlackUser(person), actionId, value, ConversationOf(on)));
        response.StatusCode.Should().Be(HttpStatusCode.OK, "Slack must accept the button press");
        RecordPosts();
    }

    protected override Task SubmitRcaCoreAsync(string person, string rootCause, string actions) =>
        SubmitFormAsync(person, ("root_cause", rootCause), ("actions", actions));

    protected override Task SubmitTicketReplyCoreAsync(string person, string added)
    {
        var draft = _lastForm?["blocks"]?.AsArray().FirstOrDefault(b => (string?)b?["block_id"] == "reply")?["element"]?["initial_value"];
        return SubmitFormAsync(person, ("reply", EditDraft((string?)draft, added)));
    }

    private async Task SubmitFormAsync(string person, params (string Field, string Value)[] values)
    {
        var view = _lastForm ?? throw new InvalidOperationException("No form was opened to submit.");
        using var response = await Settle(_host.SubmitAsync(SlackUser(person), (string)view["callback_id"]!, (string?)view["private_metadata"] ?? "", values));
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0 && JsonNode.Parse(body)?["errors"] is JsonObject errors)
            Transcript.Add(_actingIn, "answer", TranscriptText.Join(errors.Select(e => (string?)e.Value)));
        RecordPosts();
    }

    protected override void RecordPosts()
    {
        var calls = _host.Slack.Calls;
        for (; _seen < calls.Count; _seen++)
            Record(calls[_seen]);
    }

    private void Record(SlackCall call)
    {
        if (!call.Ok)
            return;
        switch (call.Method)
        {
            case "conversations.create":
                var name = (string?)call.Body["name"];
                if (name is not null)
                    _names["C" + name.ToUpperInvariant()] = "#" + name;
                // Public channels are not written down (every incident gets one); a private one is what a private incident is about.
                if (name is not null && (bool?)call.Body["is_private"] == true)
                {
                    _private.Add("C" + name.ToUpperInvariant());
                    Transcript.Add("#" + name, "opened", "private channel");
                }

                break;
            case "conversations.invite" when _private.Contains((string?)call.Body["channel"] ?? ""):
                var users = ((string?)call.Body["users"] ?? "").Split(',');
                Transcript.Add(NameOf((string?)call.Body["channel"]), "invite", string.Join(", ", users.Select(u => Plan.People.FirstOrDefault(p => p.Slack == u)?.Name ?? u)));
                break;
            case "chat.postMessage":
                // Without a channel per incident, the incident's conversation is the thread under its announce card.
                var where = NameOf(call.Channel) + (call.Body["thread_ts"] is null ? "" : " › thread");
                Show(where, IsCard(call.Body) ? (call.Channel?.StartsWith('D') == true ? "page" : "card") : "post", call.Body);
                break;
            case "chat.update":
                Show(NameOf(call.Channel), "update", call.Body);
                break;
            case "chat.postEphemeral":
            case "response_url":
                Show(call.Channel is null ? _actingIn : NameOf(call.Channel), "answer", call.Body);
                break;
            case "views.open":
                _lastForm = call.Body["view"]?.AsObject();
                var view = _lastForm!;
                var (text, _) = TranscriptText.SlackBlocks(view["blocks"]?.AsArray() ?? []);
                Transcript.Add(_actingIn, "form", TranscriptText.Join([(string?)view["title"]?["text"], text, "submit: " + (string?)view["submit"]?["text"]]));
                break;
        }
    }

    private void Show(string conversation, string kind, JsonObject body)
    {
        if (body["blocks"] is JsonArray { Count: > 0 } blocks)
        {
            var (text, buttons) = TranscriptText.SlackBlocks(blocks);
            Transcript.Add(conversation, kind, text, buttons);
        }
        else
        {
            Transcript.Add(conversation, kind, TranscriptText.Line((string?)body["text"]));
        }
    }

    private static bool IsCard(JsonObject body) =>
        body["blocks"] is JsonArray blocks && blocks.Any(b => (string?)b?["type"] == "header");

    private string ConversationOf(Where where) => where.Kind switch
    {
        "announce" => Plan.Channels.Announce.Slack!,
        "support" => Plan.Channels.Support.Slack!,
        "direct" => "D" + SlackUser(where.Key!),
        _ => throw new ArgumentException($"No Slack conversation for {where}.", nameof(where)),
    };

    private string NameOf(string? channel)
    {
        if (channel is null)
            return "?";
        if (_names.TryGetValue(channel, out var known))
            return known;
        if (channel == Plan.Channels.Announce.Slack)
            return "#incidents";
        if (channel == Plan.Channels.Management.Slack)
            return "#management";
        if (channel == Plan.Channels.Support.Slack)
            return "#support";
        if (channel.StartsWith('D') && Plan.People.FirstOrDefault(p => "D" + p.Slack == channel) is { } person)
            return Direct(person.Name);
        return channel;
    }

    private string SlackUser(string person) => PersonOf(person).Slack ?? throw new ArgumentException($"{person} has no Slack id.", nameof(person));
}
