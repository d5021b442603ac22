using Jivrus.IncidentBot.Bot.Hosting;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>
/// Local chat page settings (section <c>LocalChat</c>). The page lets whoever opens it act as any person of the plan,
/// managers included, so it is on by default only while no real chat is configured, and answers only this machine.
/// </summary>
public sealed class LocalChatOptions
{
    public const string Section = "LocalChat";

    /// <summary>True or false forces the page on or off. Default: on only while neither Slack nor Teams is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Answer other machines and requests that came through a proxy. Default false. Only for a demo on a trusted network:
    /// never on a host that Slack or Teams can reach.
    /// </summary>
    public bool AllowRemote { get; set; }

    internal static LocalChatOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<LocalChatOptions>() ?? new LocalChatOptions();

    internal bool IsOn(ChannelStatus chats) => Enabled ?? !(chats.Slack || chats.Teams);

    /// <summary>The start-up line: whether the page is on, and why.</summary>
    internal string StartupLine(ChannelStatus chats)
    {
        var reach = AllowRemote ? "GET /, from any address: LocalChat:AllowRemote is true" : "GET /, from this machine only";
        return (Enabled, IsOn(chats)) switch
        {
            (true, _) => $"Local chat page: on ({reach}), because LocalChat:Enabled is true.",
            (false, _) => "Local chat page: off, because LocalChat:Enabled is false.",
            (null, true) => $"Local chat page: on ({reach}), because neither Slack nor Teams is configured.",
            (null, false) => $"Local chat page: off, because {Configured(chats)} configured (set LocalChat:Enabled=true to turn it on).",
        };
    }

    private static string Configured(ChannelStatus chats) =>
        chats.Slack && chats.Teams ? "Slack and Teams are" : chats.Slack ? "Slack is" : "Teams is";
}
