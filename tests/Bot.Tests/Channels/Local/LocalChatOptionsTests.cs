using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Hosting;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

public sealed class LocalChatOptionsTests
{
    [Theory]
    [InlineData(null, false, false, false, "Local chat page: on (GET /, from this machine only), because neither Slack nor Teams is configured.")]
    [InlineData(null, true, false, false, "Local chat page: off, because Slack is configured (set LocalChat:Enabled=true to turn it on).")]
    [InlineData(null, false, true, false, "Local chat page: off, because Teams is configured (set LocalChat:Enabled=true to turn it on).")]
    [InlineData(null, true, true, false, "Local chat page: off, because Slack and Teams are configured (set LocalChat:Enabled=true to turn it on).")]
    [InlineData(true, true, false, false, "Local chat page: on (GET /, from this machine only), because LocalChat:Enabled is true.")]
    [InlineData(true, true, false, true, "Local chat page: on (GET /, from any address: LocalChat:AllowRemote is true), because LocalChat:Enabled is true.")]
    [InlineData(false, false, false, false, "Local chat page: off, because LocalChat:Enabled is false.")]
    public void StartupLine_SaysWhetherThePageIsOnAndWhy(bool? enabled, bool slack, bool teams, bool allowRemote, string expected)
    {
        var options = new LocalChatOptions { Enabled = enabled, AllowRemote = allowRemote };

        var line = options.StartupLine(new ChannelStatus(slack, teams, Freshdesk: false));

        line.Should().Be(expected);
    }
}
