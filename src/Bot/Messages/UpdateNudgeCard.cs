using Jivrus.IncidentBot.Workflow.Desk;

namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>The update reminder: post an update, or snooze for 15m, 30m or 1h.</summary>
public static class UpdateNudgeCard
{
    public static Card Render(IncidentView incident, string text) => new(
        $"Update due · {incident.Id} · {incident.Title}",
        text,
        [new CardField("Owner", incident.OwnerName ?? "nobody yet"), new CardField("Severity", IncidentCard.SeverityText(incident))],
        [
            new CardButton("Post update", ActionIds.Update, incident.Id, ButtonStyle.Primary),
            new CardButton("Snooze 15m", ActionIds.Snooze, $"{incident.Id}:15m"),
            new CardButton("Snooze 30m", ActionIds.Snooze, $"{incident.Id}:30m"),
            new CardButton("Snooze 1h", ActionIds.Snooze, $"{incident.Id}:1h"),
        ],
        null,
        CardTone.Warning);
}
