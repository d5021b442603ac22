using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Delivery;

/// <summary>
/// When many posts wait for one shared channel (announce, management, support) at once, one digest is
/// posted instead: Slack allows about one message per second per channel, so hundreds would arrive
/// minutes late and bury everything else. A folded post never takes an incident's card away: the card
/// lives in the incident's own place (its channel, its thread, the local #inc-n), and the digest says where.
/// What the digest says is <see cref="Messages.StormDigestMessage"/>.
/// </summary>
internal static class StormDigest
{
    public static bool Applies(IReadOnlyList<OutboxMessage> messages, int threshold) =>
        messages.Count > threshold
        && messages[0].Audience is Audience.Announce or Audience.Management or Audience.Support
        && messages.All(m => m.Kind != NoticeKind.CardUpdate);
}
