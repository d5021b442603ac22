using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.Configuration;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

public sealed class ChannelStatusTests
{
    [Fact]
    public void Slack_WithAppToken_SaysSocketModeNeedsNoPublicUrl()
    {
        var configuration = Settings(("Slack:BotToken", "xoxb-1"), ("Slack:AppToken", "xapp-1"));

        SlackLine(configuration).Should().Be("Slack: Socket Mode (no public URL needed)");
    }

    [Fact]
    public void Slack_WithSigningSecret_SaysWhereItsHttpEndpointsAre()
    {
        var configuration = Settings(("Slack:BotToken", "xoxb-1"), ("Slack:SigningSecret", "s"));

        SlackLine(configuration).Should().Be("Slack: HTTP endpoints at /slack/*");
    }

    [Fact]
    public void Slack_WithoutItsSecrets_NamesEitherWayToTurnItOn()
    {
        var configuration = Settings();

        SlackLine(configuration).Should().Be("Slack: off (Slack:SigningSecret or Slack:AppToken, Slack:BotToken not set)");
    }

    [Fact]
    public void Slack_WithAppTokenButNoBotToken_IsOffAndSaysSo()
    {
        var configuration = Settings(("Slack:AppToken", "xapp-1"));

        SlackLine(configuration).Should().Be("Slack: off (Slack:BotToken not set)");
    }

    private static string SlackLine(IConfiguration configuration) =>
        ChannelStatus.From(configuration).Lines(configuration).First();

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
