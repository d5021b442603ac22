using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

/// <summary>
/// Stands in for everything the Teams channel talks to: the OpenID metadata and keys, the token endpoint,
/// and the Bot Connector at <see cref="ServiceUrl"/>. Records every connector request.
/// </summary>
internal sealed class FakeBotFramework
{
    public const string ServiceUrl = "https://smba.test/amer/";
    public const string MetadataUrl = "https://login.test/openid";
    public const string TokenUrl = "https://login.test/token";
    private readonly ConcurrentQueue<HttpStatusCode> _script = new();
    private readonly ConcurrentDictionary<string, bool> _blocked = new(StringComparer.Ordinal);
    private int _activityIds;
    private int _tokenRequests;

    public TestKeys Keys { get; } = new();

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    public int TokenRequests => _tokenRequests;

    /// <summary>The connector answers the next calls with these statuses (then 200 again).</summary>
    public void Answer(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
            _script.Enqueue(status);
    }

    /// <summary>The connector answers 403 MessageWritesBlocked for this conversation from now on.</summary>
    public void Block(string conversationId) => _blocked[conversationId] = true;

    public IReadOnlyList<ConnectorCall> Accepted => Calls.Where(c => c.Status == HttpStatusCode.OK).ToList();

    public HttpMessageHandler Handler() => new Router(this);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var url = request.RequestUri!.GetLeftPart(UriPartial.Path);
        if (url == MetadataUrl)
            return Json(Keys.Metadata());
        if (url == TestKeys.JwksUrl)
            return Json(Keys.Jwks());
        if (url == TokenUrl)
        {
            Interlocked.Increment(ref _tokenRequests);
            return Json($$"""{"token_type":"Bearer","expires_in":3600,"access_token":"connector-token-{{_tokenRequests}}"}""");
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
        var path = Uri.UnescapeDataString(request.RequestUri.AbsolutePath);
        var status = _blocked.Keys.Any(c => path.Contains($"/conversations/{c}/", StringComparison.Ordinal)) ? HttpStatusCode.Forbidden
            : _script.TryDequeue(out var scripted) ? scripted : HttpStatusCode.OK;
        var id = status != HttpStatusCode.OK ? null
            : path.EndsWith("/v3/conversations", StringComparison.Ordinal) ? $"a:dm-{Interlocked.Increment(ref _activityIds)}" : $"act-{Interlocked.Increment(ref _activityIds)}";
        Calls.Enqueue(new ConnectorCall(request.Method.Method, path, body, status, request.Headers.Authorization?.Parameter) { Id = id });
        if (status == HttpStatusCode.Forbidden)
            return new HttpResponseMessage(status) { Content = new StringContent("""{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""") };
        if (status != HttpStatusCode.OK)
        {
            var refused = new HttpResponseMessage(status);
            refused.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return refused;
        }

        return Json($$"""{"id":"{{id}}"}""");
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>A fresh handler per client the factory builds; they all share this fake.</summary>
    private sealed class Router(FakeBotFramework fake) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => fake.SendAsync(request);
    }
}

/// <summary>One request the connector received.</summary>
internal sealed record ConnectorCall(string Method, string Path, string Body, HttpStatusCode Status, string? Token)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string Text => (string?)Json["text"] ?? "";

    public JsonObject? Card => Json["attachments"]?[0]?["content"]?.AsObject();

    /// <summary>The id the connector answered with: the new activity, or the new conversation for <c>/v3/conversations</c>.</summary>
    public string? Id { get; init; }
}
