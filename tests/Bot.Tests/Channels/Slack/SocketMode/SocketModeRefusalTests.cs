using Jivrus.IncidentBot.Bot.Channels.Slack;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack.SocketMode;

public sealed class SocketModeRefusalTests
{
    [Fact]
    public async Task RefusedAppToken_IsLoggedByItsErrorCodeAndNeverByValue()
    {
        await using var host = SlackHost.SocketMode(("Slack:SocketRetryMaxDelay", "00:00:00.020"));

        _ = host.Services;

        await host.Logs!.WaitForAsync(line => line.StartsWith("Warning: Could not open Slack Socket Mode connection 2", StringComparison.Ordinal));
        host.Logs.Lines.Should().Contain(
            "Error: Slack refused Slack:AppToken (not_authed): it must be an app-level token (xapp-…) with the connections:write scope, from Basic Information → App-Level Tokens.");
        // The wait reads as seconds, not as a raw TimeSpan (00:00:00.0134567); at most 20 ms here.
        host.Logs.Lines.Should().Contain("Warning: Could not open Slack Socket Mode connection 2 (not_authed); trying again in 0.0 s");
        host.Logs.Lines.Should().NotContain(line => line.Contains(SlackHost.AppToken, StringComparison.Ordinal) || line.Contains(SlackHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SocketModeOnly_HttpEndpointsSayHowToAcceptThemToo()
    {
        await using var host = SlackHost.SocketMode();
        host.Slack.SocketUrl = () => "ws://127.0.0.1:9/link";

        var response = await host.PostSignedAsync("/slack/commands", SlackHost.Form(("command", "/incident"), ("text", "help")));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            "Slack reaches this IncidentBot over Socket Mode; set Slack:SigningSecret to accept Slack's HTTP requests as well.");
    }

    [Fact]
    public void AppToken_NotAnAppLevelToken_IsRefusedAtStart()
    {
        var options = new SlackOptions { BotToken = SlackHost.Token, AppToken = "xoxb-1-not-an-app-token" };

        options.Problem().Should().Be(
            "Slack:AppToken must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write).");
    }

    [Fact]
    public void SocketConnections_AboveSlacksLimit_IsRefusedAtStart()
    {
        var options = new SlackOptions { BotToken = SlackHost.Token, AppToken = SlackHost.AppToken, SocketConnections = 11 };

        options.Problem().Should().Be("Slack:SocketConnections must be between 1 and 10: Slack allows at most 10 Socket Mode connections per app.");
    }

    [Fact]
    public void AppAndBotToken_WithoutSigningSecret_TurnSlackOnOverSocketModeOnly()
    {
        var options = new SlackOptions { BotToken = SlackHost.Token, AppToken = SlackHost.AppToken };

        (options.Enabled, options.SocketMode, options.HttpEnabled).Should().Be((true, true, false));
    }
}
