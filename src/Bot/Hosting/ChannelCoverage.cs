using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// Plan channels that a configured chat needs but that name no conversation in it: the bot then posts there in
/// one chat only, and the people who live in the other never see those posts. <c>plan check</c> prints these
/// and start-up logs them, each once.
/// </summary>
internal static class ChannelCoverage
{
    private static readonly (string Name, string Misses, Func<PlanChannels, ChannelAddress> Address)[] Channels =
    [
        ("announce", "new incidents, their cards or breach notices", c => c.Announce),
        ("management", "summaries or management escalations", c => c.Management),
        ("support", "Freshdesk ticket reminders or escalations", c => c.Support),
    ];

    /// <summary>
    /// One sentence per channel and chat. With a chat configured, every channel the plan names is checked for it
    /// (support only when Freshdesk is configured or the plan names support); with none configured (a plan checked
    /// away from its host), a channel that names one chat but not the other is reported.
    /// </summary>
    public static IReadOnlyList<string> Warnings(PlanChannels channels, ChannelStatus status)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(status);
        var anyChat = status.Slack || status.Teams;
        var warnings = new List<string>();
        foreach (var (name, misses, address) in Channels)
        {
            var (slack, teams) = (Named(address(channels).Slack), Named(address(channels).Teams));
            var needed = name != "support" || status.Freshdesk || slack || teams;
            if (!needed)
                continue;
            if ((anyChat ? status.Slack : teams) && !slack)
                warnings.Add(Sentence(name, "Slack", "slack: C...", misses));
            if ((anyChat ? status.Teams : slack) && !teams)
                warnings.Add(Sentence(name, "Teams", "teams: \"19:...@thread.tacv2\"", misses));
        }

        return warnings;
    }

    /// <summary>At start-up only the chats that are on count: a local-only run needs no chat ids at all.</summary>
    public static IReadOnlyList<string> ForStartup(PlanChannels channels, ChannelStatus status) =>
        status.Slack || status.Teams ? Warnings(channels, status) : [];

    private static bool Named(string? id) => !string.IsNullOrWhiteSpace(id);

    private static string Sentence(string channel, string chat, string example, string misses) =>
        $"channels.{channel} has no {chat} id ({example}); {chat} installs get no {misses}.";
}
