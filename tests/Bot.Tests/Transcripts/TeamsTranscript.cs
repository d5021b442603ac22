using System.Net;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// Teams through the fake Bot Connector: people type in their 1:1 chat with the bot and press buttons on the
/// latest post carrying them (signed activities). What the bot sent while handling the activity is its answer;
/// every later new activity, thread reply and update (PUT) is a post.
/// </summary>
internal sealed class TeamsTranscript : TranscriptChannel
{
    private static readonly string Conversations = new Uri(FakeBotFramework.ServiceUrl).AbsolutePath + "v3/conversations";
    private readonly TeamsHost _host;
    private readonly Dictionary<string, string> _names = [];
    private readonly Dictionary<string, string> _threads = [];
    private (string Conversation, string Card, JsonObject Data, JsonObject Form)? _lastForm;
    private int _seen;
    private int _activityIds;

    public TeamsTranscript() => _host = new TeamsHost(Clock, Settings);

    protected override IServiceProvider Services => _host.Services;

    protected override IReadOnlyList<DeliveryRequest> Deliveries => _host.Posts.Deliveries;

    protected override HttpClient CreateClient() => _host.CreateClient();

    public override async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Freshdesk.Dispose();
    }

    // Teams people type in their 1:1 chat with the bot.
    protected override string TypedIn(Where where) => "their 1:1 chat with the bot";

    protected override async Task SayCoreAsync(string person, string line, Where where)
    {
        if (where.Kind is not ("announce" or "direct"))
            throw new ArgumentException("In Teams the script types in the person's 1:1 chat with the bot.", nameof(where));
        var chat = await ChatWithAsync(person);
        var activity = Activity(person, chat, "personal");
        activity["text"] = line.TrimStart('/');
        await SendAsync(activity);
    }

    protected override async Task PressCoreAsync(string person, string actionId, string value, Where on)
    {
        var conversation = on.Kind switch
        {
            "announce" => Plan.Channels.Announce.Teams!,
            "support" => Plan.Channels.Support.Teams!,
            "direct" => await ChatWithAsync(on.Key!),
            _ => throw new ArgumentException($"No Teams conversation for {on}.", nameof(on)),
        };
        var card = LatestWithButton(conversation, actionId) ?? throw new InvalidOperationException($"No post with a {actionId} button in {on} to press.");
        var activity = Activity(person, conversation, on.Kind == "direct" ? "personal" : "channel");
        activity["replyToId"] = card;
        activity["value"] = new JsonObject { ["action"] = actionId, [actionId.StartsWith("ticket.", StringComparison.Ordinal) ? "ticket" : "incident"] = value };
        await SendAsync(activity);
    }

    /// <summary>The newest post in a conversation whose current version (after updates) shows the button.</summary>
    private string? LatestWithButton(string conversation, string actionId)
    {
        var activities = $"{Conversations}/{conversation}/activities";
        var current = new Dictionary<string, ConnectorCall>();
        var order = new List<string>();
        foreach (var call in _host.Fake.Calls.Where(c => c.Status == HttpStatusCode.OK))
        {
            if (call.Method == "POST" && call.Path == activities && call.Id is not null)
            {
                current[call.Id] = call;
                order.Add(call.Id);
            }
            else if (call.Method == "PUT" && call.Path.StartsWith(activities + "/", StringComparison.Ordinal))
            {
                current[call.Path[(activities.Length + 1)..]] = call;
            }
        }

        return order.LastOrDefault(id => Buttons(current[id]).Any(b => b.ActionId == actionId));
    }

    protected override Task SubmitRcaCoreAsync(string person, string rootCause, string actions) =>
        SubmitFormAsync(person, ("root_cause", rootCause), ("actions", actions));

    protected override Task SubmitTicketReplyCoreAsync(string person, string added)
    {
        var form = _lastForm?.Form ?? throw new InvalidOperationException("No form was opened to submit.");
        var draft = form["body"]?.AsArray().FirstOrDefault(e => (string?)e?["id"] == "reply")?["value"];
        return SubmitFormAsync(person, ("reply", EditDraft((string?)draft, added)));
    }

    /// <summary>Presses the form's submit button with the fields filled in: its data plus one value per input.</summary>
    private async Task SubmitFormAsync(string person, params (string Field, string Value)[] values)
    {
        var (conversation, card, data, _) = _lastForm ?? throw new InvalidOperationException("No form was opened to submit.");
        // The form is submitted where it was shown: a channel stays a channel, so it is never taken for the person's 1:1 chat.
        var kind = NameOf(conversation, null).StartsWith("DM ", StringComparison.Ordinal) ? "personal" : "channel";
        var activity = Activity(person, conversation, kind);
        activity["replyToId"] = card;
        var value = data.DeepClone().AsObject();
        foreach (var (field, text) in values)
            value[field] = text;
        activity["value"] = value;
        await SendAsync(activity);
    }

    /// <summary>Sends the activity; what the bot sent while handling it is the answer.</summary>
    private async Task SendAsync(JsonObject activity)
    {
        RecordPosts();
        using var response = await Settle(_host.SendAsync(activity));
        response.StatusCode.Should().Be(HttpStatusCode.OK, "Teams must accept the activity");
        Record(answers: true);
    }

    protected override void RecordPosts() => Record(answers: false);

    private void Record(bool answers)
    {
        var calls = _host.Fake.Calls.ToList();
        for (; _seen < calls.Count; _seen++)
        {
            var call = calls[_seen];
            if (call.Status != HttpStatusCode.OK)
                continue;
            if (call.Path == Conversations)
            {
                // The bot opened a 1:1 chat: name it after the person.
                var member = (string?)call.Json["members"]?[0]?["id"];
                if (call.Id is not null && Plan.People.FirstOrDefault(p => p.Teams == member) is { } person)
                    _names[call.Id] = Direct(person.Name);
                continue;
            }

            var (conversation, activity) = Split(call.Path);
            // A POST to an activity replies in its thread; a PUT replaces that activity where it is.
            var thread = call.Method == "POST" ? activity : null;
            var where = NameOf(conversation, thread);
            var (text, buttons) = Shown(call);
            if (answers)
            {
                if (call.Card?["actions"]?[0]?["data"] is JsonObject data && data["form"] is not null)
                {
                    // A form posted anew, or put in place of the card whose button opened it.
                    var card = call.Method == "POST" ? call.Id! : call.Path[(call.Path.LastIndexOf('/') + 1)..];
                    _lastForm = (conversation, card, data.DeepClone().AsObject(), call.Card!.DeepClone().AsObject());
                    Transcript.Add(where, "form", text, buttons);
                }
                else
                {
                    Transcript.Add(where, call.Method == "PUT" ? "update" : "answer", text, buttons);
                }

                continue;
            }

            if (call.Method == "PUT")
            {
                Transcript.Add(where, "update", text, buttons);
                continue;
            }

            // An incident card opens with its title; a prompt's card is buttons only, under the activity's text.
            var first = call.Card?["body"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } body ? body[0] : null;
            var isCard = first?["size"] is not null;
            if (isCard && thread is null && conversation == Plan.Channels.Announce.Teams && call.Id is not null && (string?)first?["text"] is { } title && title.StartsWith("INC-", StringComparison.Ordinal))
                _threads[call.Id] = title.Split(' ')[0];
            Transcript.Add(where, !isCard ? "post" : where.StartsWith("DM ", StringComparison.Ordinal) ? "page" : "card", text, buttons);
        }
    }

    private static (string Text, List<TranscriptButton> Buttons) Shown(ConnectorCall call)
    {
        if (call.Card is not { } card)
            return (TranscriptText.Line(call.Text), []);
        var (text, buttons) = TranscriptText.AdaptiveCard(card);
        return (TranscriptText.Join([call.Text, text]), buttons);
    }

    private static List<TranscriptButton> Buttons(ConnectorCall call) =>
        call.Card is { } card ? TranscriptText.AdaptiveCard(card).Buttons : [];

    /// <summary>The conversation of a connector path, and the activity it replies to or updates.</summary>
    private static (string Conversation, string? Activity) Split(string path)
    {
        var rest = path[(Conversations.Length + 1)..];
        var at = rest.IndexOf("/activities", StringComparison.Ordinal);
        if (at < 0)
            return (rest, null);
        var tail = rest[(at + "/activities".Length)..].TrimStart('/');
        return (rest[..at], tail.Length == 0 ? null : tail);
    }

    private string NameOf(string conversation, string? activity)
    {
        var name = _names.TryGetValue(conversation, out var known) ? known
            : conversation == Plan.Channels.Announce.Teams ? "#incidents"
            : conversation == Plan.Channels.Management.Teams ? "#management"
            : conversation == Plan.Channels.Support.Teams ? "#support"
            : conversation;
        return activity is not null && _threads.TryGetValue(activity, out var incident) ? $"{name} › {incident}" : name;
    }

    /// <summary>The person's 1:1 chat with the bot: the one the bot already has with them, else a new one.</summary>
    private async Task<string> ChatWithAsync(string person)
    {
        var chat = (await Ledger.FindReferenceAsync("teams", PersonOf(person).Id))?.ConversationId ?? $"a:{person}-personal";
        _names.TryAdd(chat, Direct(PersonOf(person).Name));
        return chat;
    }

    private JsonObject Activity(string person, string conversation, string conversationType)
    {
        var who = PersonOf(person);
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"transcript-{++_activityIds}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = FakeBotFramework.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = who.Teams ?? throw new ArgumentException($"{person} has no Teams id.", nameof(person)), ["name"] = who.Name },
            ["recipient"] = new JsonObject { ["id"] = "28:" + TeamsHost.AppId, ["name"] = "IncidentBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = conversationType, ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };
    }
}
