using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>Reads Freshdesk's JSON: a ticket, and the webhook body the admin wrote.</summary>
internal static class FreshdeskJson
{
    public static TicketSnapshot ReadTicket(string json)
    {
        var ticket = JsonNode.Parse(json) as JsonObject ?? throw new FreshdeskException("Freshdesk sent a ticket that is not a JSON object", transient: false);
        var requester = ticket["requester"] as JsonObject;
        var who = Text(requester?["name"]) ?? Text(requester?["email"]) ?? (Number(ticket["requester_id"]) is { } id ? $"requester {id}" : null);
        return new TicketSnapshot(
            Number(ticket["id"]) ?? throw new FreshdeskException("Freshdesk sent a ticket without an id", transient: false),
            Text(ticket["subject"]) ?? "(no subject)",
            Text(ticket["description_text"]),
            (int)(Number(ticket["status"]) ?? 2),
            (int)(Number(ticket["priority"]) ?? 1),
            who,
            Instant(ticket["created_at"]) ?? DateTimeOffset.UnixEpoch,
            Instant(ticket["fr_due_by"]),
            Instant(ticket["due_by"]),
            Instant((ticket["stats"] as JsonObject)?["first_responded_at"]));
    }

    /// <summary>The ticket id of a webhook body <c>{"ticket_id": 42}</c> (a number or a numeric string); null when there is none.</summary>
    public static long? WebhookTicketId(string body)
    {
        try
        {
            var id = (JsonNode.Parse(body) as JsonObject)?["ticket_id"];
            return Number(id) is { } n && n > 0 ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long? Number(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<long>(out var n) ? n
        : value.TryGetValue<string>(out var s) && long.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null
        : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static DateTimeOffset? Instant(JsonNode? node) =>
        Text(node) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
}
