using System.Text.Json;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Jivrus.IncidentBot.Bot.Tests.Freshdesk;

/// <summary>A Freshdesk API v2 on a local port: tickets the test sets, notes and replies it accepts and records.</summary>
public sealed class FakeFreshdesk : IDisposable
{
    public const string ApiKey = "fd-test-key";
    public const string Secret = "hook-secret-123";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly Dictionary<long, Guid> _ticketMappings = [];

    public FakeFreshdesk()
    {
        // Anything not set up is a ticket Freshdesk does not have.
        _server.Given(Request.Create().UsingAnyMethod()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(404).WithBodyAsJson(new { code = "access_denied" }));
        foreach (var path in new[] { "notes", "reply" })
        {
            _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher($"^/api/v2/tickets/\\d+/{path}$")).UsingPost()).AtPriority(50)
                .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = 1 }));
        }
    }

    public string BaseUrl => _server.Url + "/api/v2/";

    /// <summary>The settings that turn Freshdesk on against this fake.</summary>
    public (string, string)[] Settings =>
        [("Freshdesk:BaseUrl", BaseUrl), ("Freshdesk:ApiKey", ApiKey), ("Freshdesk:WebhookSecret", Secret)];

    /// <summary>Sets (or replaces) what <c>GET /tickets/{id}</c> answers.</summary>
    public void SetTicket(FakeTicket ticket)
    {
        if (!_ticketMappings.TryGetValue(ticket.Id, out var guid))
            _ticketMappings[ticket.Id] = guid = Guid.NewGuid();
        _server.Given(Request.Create().WithPath($"/api/v2/tickets/{ticket.Id}").UsingGet()).WithGuid(guid).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(ticket.Json()));
    }

    /// <summary>From now on <c>GET /tickets/{id}</c> answers with <paramref name="status"/> (Freshdesk down: 503; a revoked key: 401).</summary>
    public void FailTicket(long ticketId, int status)
    {
        if (!_ticketMappings.TryGetValue(ticketId, out var guid))
            _ticketMappings[ticketId] = guid = Guid.NewGuid();
        _server.Given(Request.Create().WithPath($"/api/v2/tickets/{ticketId}").UsingGet()).WithGuid(guid).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(status).WithBodyAsJson(new { code = "unavailable" }));
    }

    /// <summary>The next <c>GET /tickets/{id}</c> answers <paramref name="status"/>; the ones after it answer as before.</summary>
    public void FailTicketOnce(long ticketId, int status) =>
        _server.Given(Request.Create().WithPath($"/api/v2/tickets/{ticketId}").UsingGet()).AtPriority(5).InScenario($"fail-{ticketId}").WillSetStateTo("failed")
            .RespondWith(Response.Create().WithStatusCode(status).WithBodyAsJson(new { code = "unavailable" }));

    /// <summary>The next note POSTs of a ticket answer 429 with Retry-After once, then 201.</summary>
    public void RateLimitNotesOnce(long ticketId, int retryAfterSeconds)
    {
        var path = $"/api/v2/tickets/{ticketId}/notes";
        _server.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(5).InScenario("limit").WillSetStateTo("served")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _server.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(5).InScenario("limit").WhenStateIs("served")
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = 2 }));
    }

    /// <summary>Requests that reached the fake: method, path, status answered, body, and the Authorization header.</summary>
    public IReadOnlyList<Received> Requests => _server.LogEntries
        .Select(e => new Received(e.RequestMessage.Method, e.RequestMessage.Path, e.ResponseMessage.StatusCode is int s ? s : Convert.ToInt32(e.ResponseMessage.StatusCode, System.Globalization.CultureInfo.InvariantCulture),
            e.RequestMessage.Body ?? "", Header(e, "Authorization")))
        .ToList();

    /// <summary>Notes Freshdesk accepted for a ticket.</summary>
    public IReadOnlyList<JsonElement> NotesOf(long ticketId) => Accepted($"/api/v2/tickets/{ticketId}/notes");

    public IReadOnlyList<JsonElement> RepliesOf(long ticketId) => Accepted($"/api/v2/tickets/{ticketId}/reply");

    public void Dispose() => _server.Stop();

    private List<JsonElement> Accepted(string path) =>
        Requests.Where(r => r.Method == "POST" && r.Path == path && r.Status == 201)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.Clone()).ToList();

    private static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers is { } headers && headers.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    public sealed record Received(string Method, string Path, int Status, string Body, string? Authorization);
}

/// <summary>A ticket as the fake API returns it.</summary>
public sealed record FakeTicket(long Id, DateTimeOffset CreatedAt, int Status = 2, int Priority = 4)
{
    public string Subject { get; init; } = "Checkout fails with error 500";
    public string Description { get; init; } = "Customers cannot pay since 10:00.";
    public DateTimeOffset? FrDueBy { get; init; }
    public DateTimeOffset? DueBy { get; init; }
    public DateTimeOffset? FirstRespondedAt { get; init; }

    public string Json() => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = Id,
        ["subject"] = Subject,
        ["description_text"] = Description,
        ["status"] = Status,
        ["priority"] = Priority,
        ["requester_id"] = 7001,
        ["requester"] = new { name = "Priya Customer", email = "priya@example.com" },
        ["created_at"] = Iso(CreatedAt),
        ["fr_due_by"] = FrDueBy is { } fr ? Iso(fr) : null,
        ["due_by"] = DueBy is { } due ? Iso(due) : null,
        ["stats"] = new { first_responded_at = FirstRespondedAt is { } at ? Iso(at) : null },
    });

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
