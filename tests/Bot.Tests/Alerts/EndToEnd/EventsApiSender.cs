using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.EndToEnd;

/// <summary>
/// A sender of alert events as PagerDuty's Events API v2 documents them ("Send an Alert Event"): one JSON object per
/// event with <c>routing_key</c> (the integration's key, here the source's token), <c>event_action</c> trigger,
/// acknowledge or resolve, and <c>dedup_key</c> to correlate them; a trigger carries <c>payload</c> (summary, source,
/// severity required; timestamp, component, group, class, custom_details optional), <c>links</c>, <c>client</c> and
/// <c>client_url</c>. No Authorization header: the routing key is the credential. A 202 answers
/// <c>{"status":"success","message":"Event processed","dedup_key":...}</c>.
/// </summary>
internal sealed class EventsApiSender(HttpClient http, Uri endpoint, string routingKey)
{
    /// <summary>Opens (or repeats) the alert <paramref name="dedupKey"/>.</summary>
    public Task<EventsApiResponse> TriggerAsync(string dedupKey, EventPayload payload, IReadOnlyList<EventLink>? links = null) =>
        SendAsync(new AlertEvent(routingKey, "trigger", dedupKey, payload, links, "Uptime checker", "https://uptime.example.com"));

    public Task<EventsApiResponse> AcknowledgeAsync(string dedupKey) => SendAsync(new AlertEvent(routingKey, "acknowledge", dedupKey));

    public Task<EventsApiResponse> ResolveAsync(string dedupKey) => SendAsync(new AlertEvent(routingKey, "resolve", dedupKey));

    private async Task<EventsApiResponse> SendAsync(AlertEvent alert)
    {
        using var response = await http.PostAsJsonAsync(endpoint, alert);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new HttpRequestException($"The events endpoint answered {(int)response.StatusCode} to a {alert.EventAction} event: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<EventsApiResponse>(body)!;
    }

    private sealed record AlertEvent(
        [property: JsonPropertyName("routing_key")] string RoutingKey,
        [property: JsonPropertyName("event_action")] string EventAction,
        [property: JsonPropertyName("dedup_key")] string DedupKey,
        [property: JsonPropertyName("payload"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EventPayload? Payload = null,
        [property: JsonPropertyName("links"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EventLink>? Links = null,
        [property: JsonPropertyName("client"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Client = null,
        [property: JsonPropertyName("client_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientUrl = null);
}

/// <summary>What a trigger says: <c>summary</c>, <c>source</c> and <c>severity</c> (critical, error, warning, info) are required.</summary>
internal sealed record EventPayload(
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("timestamp")] DateTimeOffset? Timestamp = null,
    [property: JsonPropertyName("component"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Component = null,
    [property: JsonPropertyName("group"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Group = null,
    [property: JsonPropertyName("class"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Class = null,
    [property: JsonPropertyName("custom_details"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? CustomDetails = null);

/// <summary>A link attached to the alert: <c>href</c> required, <c>text</c> optional.</summary>
internal sealed record EventLink([property: JsonPropertyName("href")] string Href, [property: JsonPropertyName("text")] string? Text = null);

/// <summary>The Events API's answer to an accepted event.</summary>
internal sealed record EventsApiResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("dedup_key")] string DedupKey);
