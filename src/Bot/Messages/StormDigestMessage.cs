using System.Text;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>
/// The storm digest: many posts for one shared channel folded into one message that lists each incident once
/// and says where its live card, with its buttons, is in the chat the digest goes to.
/// </summary>
internal static class StormDigestMessage
{
    private const int Listed = 15;

    /// <summary>The incidents the digest speaks of, in the order of their first post.</summary>
    public static IReadOnlyList<int> Incidents(IReadOnlyList<OutboxMessage> messages) =>
        messages.Where(AboutIncident).Select(m => m.IncidentNumber!.Value).Distinct().ToList();

    /// <param name="messages">The folded posts, in order.</param>
    /// <param name="incidents">The incidents as they stand now; one missing is listed by its posts instead.</param>
    /// <param name="places">Where each incident's card is in the chat the digest goes to ("#inc-7-checkout-down"); null when nowhere shared.</param>
    public static string Build(IReadOnlyList<OutboxMessage> messages, IReadOnlyDictionary<int, IncidentView> incidents, IReadOnlyDictionary<int, string?> places)
    {
        var lines = new List<string>();
        foreach (var number in Incidents(messages))
        {
            if (incidents.TryGetValue(number, out var incident))
                lines.Add(Line(incident, places.GetValueOrDefault(number)));
        }

        var listed = lines.Count;
        lines.AddRange(messages.Where(m => !AboutIncident(m) || !incidents.ContainsKey(m.IncidentNumber!.Value)).Select(m => Clip(m.Text)));

        var text = new StringBuilder($"Storm: {Count(messages.Count, "post")}");
        text.Append(listed > 0 ? $" about {Count(listed, "incident")} folded into this one. Act on each from its card:" : " folded into this one:");
        foreach (var line in lines.Take(Listed))
            text.Append("\n• ").Append(line);
        if (lines.Count > Listed)
            text.Append($"\n…and {lines.Count - Listed} more. /incident list shows every open incident.");
        return text.ToString();
    }

    private static string Line(IncidentView incident, string? place)
    {
        var state = incident.State == IncidentState.Reported ? "" : $" ({Incident.StateWord(incident.State)})";
        var where = place is null ? $"/incident show {incident.Id} shows its card" : $"card in {place}";
        return $"{incident.Id} {incident.SeverityId} {Clip(incident.Title)}{state} — {where}";
    }

    // A ticket notice may name the incident it was promoted to, but it is about the ticket.
    private static bool AboutIncident(OutboxMessage message) => message is { IncidentNumber: not null, TicketId: null };

    private static string Clip(string text) => text.Length > 140 ? text[..140] + "…" : text;

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
