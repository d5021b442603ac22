using System.Net;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

public sealed class SlackAcknowledgeTests : IAsyncLifetime
{
    private readonly SlackHost _host = new();

    public async Task InitializeAsync()
    {
        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev2");
        await _host.FlushAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AcknowledgeButton_UpdatesEveryPostedCard()
    {
        var cards = _host.Slack.Succeeded("chat.postMessage").Where(p => p.Body["blocks"] != null).ToList();

        var response = await _host.PressAsync("U01ANA", ActionIds.Acknowledge, "INC-1");
        await _host.FlushAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _host.IncidentAsync(1)).State.Should().Be(IncidentState.Acknowledged);
        var updates = _host.Slack.Succeeded("chat.update");
        updates.Select(u => u.Channel).Should().BeEquivalentTo(cards.Select(c => c.Channel));
        updates.Should().OnlyContain(u => u.Body["blocks"]!.ToJsonString().Contains("*State*\\nacknowledged", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AcknowledgeButton_PressedTwice_AnswersAlreadyAcknowledgedBy()
    {
        await _host.PressAsync("U01ANA", ActionIds.Acknowledge, "INC-1");

        await _host.PressAsync("U01BEN", ActionIds.Acknowledge, "INC-1");

        _host.Slack.Succeeded("response_url").Last().Text.Should().Contain("already acknowledged by Ana");
    }

    [Fact]
    public async Task Escalate_PagesTheNextLevelByDirectMessage()
    {
        var response = await _host.CommandAsync("U0EMP", "/escalate", "INC-1 nobody answers");
        await _host.FlushAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _host.IncidentAsync(1)).Level.Should().Be(2);
        _host.Slack.Succeeded("conversations.open").Should().Contain(c => c.Body["users"]!.GetValue<string>() == "U01CHEN");
        _host.Slack.Succeeded("chat.postMessage").Should().Contain(p => p.Channel == "DU01CHEN" && p.Body["blocks"] != null);
    }

    [Fact]
    public async Task AcknowledgeFromTheDirectMessage_Works()
    {
        await _host.PressAsync("U01BEN", ActionIds.Acknowledge, "INC-1", channel: "DU01BEN");

        (await _host.IncidentAsync(1)).AcknowledgedByName.Should().Be("Ben");
    }
}
