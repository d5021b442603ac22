using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

/// <summary>
/// An in-process Slack Web API: records every call and answers like Slack does, unless a test scripted
/// a different answer for the next call of a method (a 429, a 500, an <c>ok:false</c>).
/// </summary>
public sealed class FakeSlackApi : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<SlackCall> _calls = [];
    private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _scripted = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ts;

    public IReadOnlyList<SlackCall> Calls
    {
        get
        {
            lock (_gate)
                return [.. _calls];
        }
    }

    /// <summary>The <paramref name="count"/>th successful call of a method, once it was made (a call made after the request that caused it was answered).</summary>
    public async Task<SlackCall> WaitForAsync(string method, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
                changed = _changed.Task;
            if (Succeeded(method) is { } calls && calls.Count >= count)
                return calls[count - 1];
            await changed.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Successful calls of one Web API method.</summary>
    public IReadOnlyList<SlackCall> Succeeded(string method) => Calls.Where(c => c.Method == method && c.Ok).ToList();

    public void Next(string method, Func<HttpResponseMessage> answer)
    {
        lock (_gate)
        {
            if (!_scripted.TryGetValue(method, out var queue))
                _scripted[method] = queue = new Queue<Func<HttpResponseMessage>>();
            queue.Enqueue(answer);
        }
    }

    public void NextError(string method, string error) =>
        Next(method, () => Json(new JsonObject { ["ok"] = false, ["error"] = error }));

    public static HttpResponseMessage Status(HttpStatusCode status, int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("") };
        if (retryAfterSeconds is { } seconds)
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var body = text.Length == 0 ? [] : text[0] == '{' ? JsonNode.Parse(text)!.AsObject() : FormFields(text);
        var path = request.RequestUri!.AbsolutePath;
        var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..] : "response_url";
        HttpResponseMessage response;
        lock (_gate)
        {
            response = _scripted.TryGetValue(method, out var queue) && queue.Count > 0 ? queue.Dequeue()() : Default(method, body);
        }

        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        var ok = response.IsSuccessStatusCode && !answer.Contains("\"ok\":false", StringComparison.Ordinal);
        var ts = ok && method == "chat.postMessage" ? JsonNode.Parse(answer)?["ts"]?.GetValue<string>() : null;
        TaskCompletionSource changed;
        lock (_gate)
        {
            _calls.Add(new SlackCall(method, body, request.Headers.Authorization?.ToString(), ok) { Ts = ts });
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return response;
    }

    /// <summary>
    /// The WebSocket address <c>apps.connections.open</c> hands out (a fake Socket Mode server's, a new ticket each call);
    /// unset, it answers <c>not_authed</c> as Slack does for a token it does not accept.
    /// </summary>
    public Func<string>? SocketUrl { get; set; }

    /// <summary>Display names <c>users.info</c> answers with, by member id; anyone else is <c>user_not_found</c>.</summary>
    public Dictionary<string, string> Names { get; } = [];

    // users.info and other read methods send form fields; they are recorded as a JSON object like the rest.
    private static JsonObject FormFields(string text)
    {
        var fields = new JsonObject();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((at < 0 ? pair : pair[..at]).Replace('+', ' '));
            fields[key] = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '));
        }

        return fields;
    }

    private JsonObject UserInfo(JsonObject body)
    {
        var id = body["user"]?.GetValue<string>() ?? "";
        return Names.TryGetValue(id, out var name)
            ? new JsonObject { ["ok"] = true, ["user"] = new JsonObject { ["id"] = id, ["profile"] = new JsonObject { ["display_name"] = name, ["real_name"] = name } } }
            : new JsonObject { ["ok"] = false, ["error"] = "user_not_found" };
    }

    private HttpResponseMessage Default(string method, JsonObject body) => method switch
    {
        "users.info" => Json(UserInfo(body)),
        "chat.postMessage" => Json(new JsonObject { ["ok"] = true, ["channel"] = body["channel"]?.GetValue<string>(), ["ts"] = $"1700000000.{++_ts:D6}" }),
        "conversations.create" => Json(new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "C" + body["name"]!.GetValue<string>().ToUpperInvariant() } }),
        "conversations.open" => Json(new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + body["users"]!.GetValue<string>() } }),
        "apps.connections.open" => Json(SocketUrl is { } url
            ? new JsonObject { ["ok"] = true, ["url"] = url() }
            : new JsonObject { ["ok"] = false, ["error"] = "not_authed" }),
        "response_url" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") },
        _ => Json(new JsonObject { ["ok"] = true }),
    };

    private static HttpResponseMessage Json(JsonObject body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}

/// <summary>One request the bot made: the Web API method (or <c>response_url</c>), its JSON body, whether it succeeded.</summary>
public sealed record SlackCall(string Method, JsonObject Body, string? Authorization, bool Ok)
{
    public string? Channel => Body["channel"]?.GetValue<string>();

    public string Text => Body["text"]?.GetValue<string>() ?? "";

    /// <summary>The ts Slack gave a posted message (chat.postMessage only).</summary>
    public string? Ts { get; init; }
}
