using System.Net;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

public sealed class SlackRefusalTests : IAsyncLifetime
{
    private static readonly string Report = SlackHost.Form(("command", "/incident"), ("text", "report Checkout is down"), ("user_id", "U0EMP"), ("channel_id", "C1"));
    private readonly SlackHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UnsignedRequest_IsRefusedWithNothingStored()
    {
        var response = await _host.PostAsync("/slack/commands", Report, "application/x-www-form-urlencoded", null, null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await NothingHappened();
    }

    [Fact]
    public async Task StaleRequest_IsRefusedWithNothingStored()
    {
        var sixMinutesAgo = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds();

        var response = await _host.PostSignedAsync("/slack/commands", Report, timestamp: sixMinutesAgo);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await NothingHappened();
    }

    [Fact]
    public async Task TamperedRequest_IsRefusedWithNothingStored()
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signed = new Bot.Channels.Slack.SlackSignature(SlackHost.Secret, TimeProvider.System, TimeSpan.FromMinutes(5))
            .Sign(ts, System.Text.Encoding.UTF8.GetBytes(Report));

        var response = await _host.PostAsync("/slack/commands", Report.Replace("Checkout", "Checkouts", StringComparison.Ordinal),
            "application/x-www-form-urlencoded", ts, signed);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await NothingHappened();
    }

    [Fact]
    public async Task OversizedRequest_IsRefusedWith413AndNothingStored()
    {
        var huge = Report + "&padding=" + new string('x', 70 * 1024);

        var response = await _host.PostSignedAsync("/slack/commands", huge);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await NothingHappened();
    }

    [Fact]
    public async Task SlackOff_EndpointsSayHowToTurnItOn()
    {
        await using var off = new SlackHost(slackOn: false);

        var response = await off.PostSignedAsync("/slack/commands", Report);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Slack:SigningSecret").And.NotContain(SlackHost.Secret);
    }

    private async Task NothingHappened()
    {
        await _host.FlushAsync();
        (await _host.OpenIncidentsAsync()).Should().BeEmpty();
        _host.Slack.Calls.Should().BeEmpty();
    }
}
