using System.Net;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>
/// Teams through <see cref="TeamsHost"/> and its fake Bot Framework: a person types in their 1:1 chat with the
/// bot and presses buttons on the card where it was posted (signed activities); what the bot sent during that
/// request is the answer, what the outbox sent afterwards are the posts. The incident's conversation is the
/// thread under its announce card, so its card there is that root card.
/// </summary>
internal sealed class TeamsDriver : ChatDriver
{
    private static readonly string Conversations = new Uri(FakeBotFramework.ServiceUrl).AbsolutePath + "v3/conversations/";
    private readonly TeamsHost _host;
    private readonly HashSet<ConnectorCall> _answers = [];
    private int _activityIds;

    public TeamsDriver() => _host = new TeamsHost(Clock, ("ResponsePlan:Path", ParityPlan.Path));

    public override string Channel => "Teams";

    protected override IServiceProvider Services => _host.Services;

    protected override HttpClient NewClient() => _host.CreateClient();

    public override async Task<ChatTurn> SayAsync(string person, string commandLine, Place? where = null)
    {
        var line = commandLine.TrimStart('/');
        if (where is null || where.Kind == PlaceKind.Direct)
        {
            var chat = await ChatWithAsync(person);
            var direct = Activity(person, chat, "personal");
            direct["text"] = line;
            return await SendAsync(direct, chat);
        }

        // In a channel (or a thread of it, which Teams names channel;messageid=root) the bot only hears its @mention.
        var (conversation, thread) = await ConversationAsync(where);
        var channel = Activity(person, thread is null ? conversation! : $"{conversation};messageid={thread}", "channel");
        channel["text"] = $"<at>IncidentBot</at> {line}";
        channel["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>IncidentBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:" + TeamsHost.AppId, ["name"] = "IncidentBot" },
        });
        return await SendAsync(channel, conversation!);
    }

    public override async Task<ChatTurn> PressAsync(string person, string actionId, string incidentId, Place? on = null)
    {
        var place = on ?? Place.Announce;
        var (conversation, _) = await ConversationAsync(place);
        var card = (await Ledger.PostsOfAsync(NumberOf(incidentId), "teams", "card")).LastOrDefault(p => p.ConversationId == conversation)
            ?? throw new InvalidOperationException($"No card of {incidentId} in {place} to press.");
        var activity = Activity(person, conversation!, place.Kind == PlaceKind.Direct ? "personal" : "channel");
        activity["replyToId"] = card.MessageId;
        activity["value"] = new JsonObject { ["action"] = actionId, ["incident"] = incidentId };
        return await SendAsync(activity, conversation!);
    }

    public override async Task<ChatTurn> PressOnPostAsync(string person, string actionId, string value, Place on)
    {
        var (conversation, _) = await ConversationAsync(on);
        var activity = Activity(person, conversation!, on.Kind == PlaceKind.Direct ? "personal" : "channel");
        activity["value"] = new JsonObject { ["action"] = actionId, ["incident"] = value };
        return await SendAsync(activity, conversation!);
    }

    public override async Task<ChatTurn> SubmitAsync(string person, ChatForm form, params (string Field, string Value)[] fields)
    {
        var value = new JsonObject { ["form"] = form.Kind == FormKind.Rca ? "rca" : "report" };
        if (form.IncidentId is not null)
            value["incident"] = form.IncidentId;
        foreach (var (field, text) in fields)
            value[field] = text;
        var activity = Activity(person, form.Conversation, "personal");
        activity["replyToId"] = form.Handle;
        activity["value"] = value;
        return await SendAsync(activity, form.Conversation);
    }

    public override async Task<IReadOnlyList<string>> PostsAsync(Place place)
    {
        var (conversation, thread) = await ConversationAsync(place);
        if (conversation is null)
            return [];
        var path = Conversations + conversation + "/activities" + (thread is null ? "" : "/" + thread);
        return Posted().Where(c => c.Method == "POST" && c.Path == path).Select(c => c.Text).ToList();
    }

    public override async Task<string?> CardAsync(Place place, string incidentId)
    {
        var (conversation, thread) = await ConversationAsync(place);
        var posts = await Ledger.PostsOfAsync(NumberOf(incidentId), "teams", "card");
        var post = posts.LastOrDefault(p => p.ConversationId == conversation && (thread is null || p.MessageId == thread));
        return post is null ? null : Card(post.ConversationId, post.MessageId);
    }

    public override async Task<IReadOnlyList<string>> CardsAsync(string incidentId) =>
        (await Ledger.PostsOfAsync(NumberOf(incidentId), "teams", "card")).Select(p => Card(p.ConversationId, p.MessageId) ?? "").ToList();

    public override ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>Sends the activity; what the bot sent while handling it is the answer. Then the outbox runs.</summary>
    private async Task<ChatTurn> SendAsync(JsonObject activity, string conversation)
    {
        var mark = _host.Fake.Calls.Count;

        using var response = await SettleAsync(_host.SendAsync(activity));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "Teams must accept the activity");
        var answers = _host.Fake.Calls.Skip(mark).ToList();
        _answers.UnionWith(answers);
        var form = answers.Select(c => FormIn(c, conversation)).LastOrDefault(f => f is not null);
        await FlushAsync();
        return new ChatTurn(string.Join('\n', answers.Where(c => c.Body.Length > 0).SelectMany(Shown)), form);
    }

    /// <summary>The form an answer shows (its submit button's data names it), or null.</summary>
    private static ChatForm? FormIn(ConnectorCall answer, string conversation)
    {
        if (answer.Id is null || answer.Card?["actions"]?[0]?["data"] is not JsonObject data || (string?)data["form"] is not { } kind)
            return null;
        // A form answered in place (PUT) keeps the id of the card it replaced.
        var handle = answer.Method == "PUT" ? answer.Path[(answer.Path.LastIndexOf('/') + 1)..] : answer.Id;
        return new ChatForm(kind == "rca" ? FormKind.Rca : FormKind.Report, (string?)data["incident"], handle, conversation);
    }

    /// <summary>The sentence of an answer, and the messages a refused form shows under its fields.</summary>
    private static IEnumerable<string> Shown(ConnectorCall answer)
    {
        yield return answer.Text;
        foreach (var block in answer.Card?["body"]?.AsArray() ?? [])
        {
            if ((string?)block?["color"] == "Attention" && (string?)block?["text"] is { } error)
                yield return error;
        }
    }

    private List<ConnectorCall> Posted() => _host.Fake.Calls.Where(c => c.Status == HttpStatusCode.OK && !_answers.Contains(c)).ToList();

    private string? Card(string conversation, string activityId)
    {
        var activities = Conversations + conversation + "/activities";
        var latest = _host.Fake.Calls.LastOrDefault(c => c.Status == HttpStatusCode.OK && c.Card is not null
            && ((c.Method == "POST" && c.Id == activityId && c.Path.StartsWith(activities, StringComparison.Ordinal))
                || (c.Method == "PUT" && c.Path == $"{activities}/{activityId}")));
        return latest is null ? null : CardText.Of(latest.Card, "text", "title", "value");
    }

    /// <summary>A conversation and, for the incident's thread, the id of its root card.</summary>
    private async Task<(string? Conversation, string? Thread)> ConversationAsync(Place place)
    {
        switch (place.Kind)
        {
            case PlaceKind.Announce:
                return (Plan.Channels.Announce.Teams, null);
            case PlaceKind.Management:
                return (Plan.Channels.Management.Teams, null);
            case PlaceKind.Incident:
                var bound = await Ledger.ConversationOfIncidentAsync("teams", NumberOf(place.Key!));
                var slash = bound?.LastIndexOf('/') ?? -1;
                return slash < 0 ? (null, null) : (bound![..slash], bound[(slash + 1)..]);
            default:
                return ((await Ledger.FindReferenceAsync("teams", place.Key!))?.ConversationId, null);
        }
    }

    /// <summary>The person's 1:1 chat with the bot: the one the bot already has with them, else a new one.</summary>
    private async Task<string> ChatWithAsync(string person) =>
        (await Ledger.FindReferenceAsync("teams", PersonOf(person).Id))?.ConversationId ?? $"a:{person}-personal";

    private JsonObject Activity(string person, string conversation, string conversationType)
    {
        var who = PersonOf(person);
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"parity-{Interlocked.Increment(ref _activityIds)}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = FakeBotFramework.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = who.Teams ?? throw new ArgumentException($"{person} has no Teams id.", nameof(person)), ["name"] = who.Name },
            ["recipient"] = new JsonObject { ["id"] = "28:" + TeamsHost.AppId, ["name"] = "IncidentBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = conversationType, ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };
    }
}
