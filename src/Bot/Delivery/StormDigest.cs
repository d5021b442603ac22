using System.Text;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Delivery;

/// <summary>
/// When many posts wait for one shared channel (announce, management, support) at once, one digest is
/// posted instead: Slack allows about one message per second per channel, so hundreds would arrive
/// minutes late and bury everything else.
/// </summary>
internal static class StormDigest
{
    private const int Listed = 15;

    public static bool Applies(IReadOnlyList<OutboxMessage> messages, int threshold) =>
        messages.Count > threshold
        && messages[0].Audience is Audience.Announce or Audience.Management or Audience.Support
        && messages.All(m => m.Kind != NoticeKind.CardUpdate);

    public static string Build(IReadOnlyList<OutboxMessage> messages)
    {
        var incidents = messages.Where(m => m.IncidentNumber is not null).Select(m => m.IncidentNumber!.Value).Distinct().Count();
        var text = new StringBuilder($"{messages.Count} posts in a burst");
        if (incidents > 0)
            text.Append($" about {incidents} incident{(incidents == 1 ? "" : "s")}");
        text.Append(':');
        foreach (var message in messages.Take(Listed))
            text.Append("\n• ").Append(message.Text.Length > 140 ? message.Text[..140] + "…" : message.Text);
        if (messages.Count > Listed)
            text.Append($"\n…and {messages.Count - Listed} more. /incident list shows every open incident.");
        return text.ToString();
    }
}
