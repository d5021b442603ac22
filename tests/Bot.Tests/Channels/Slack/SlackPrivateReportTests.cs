using System.Net;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

/// <summary>A private incident in Slack: a private channel with its members only, nothing in #incidents.</summary>
public sealed class SlackPrivateReportTests : IAsyncLifetime
{
    private readonly SlackHost _host = new();

    [Fact]
    public async Task ReportModal_WithPrivateTicked_FilesAPrivateIncident()
    {
        var response = await _host.SubmitAsync("U0EMP", "incident.report", "C0WHERE", ("title", "Keys leaked"), ("severity", "sev2"), ("private", "private"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _host.OpenIncidentsAsync()).Should().ContainSingle().Which.IsPrivate.Should().BeTrue();
    }

    [Fact]
    public async Task Report_Private_OpensAPrivateChannelForItsMembersAndPostsNothingInTheAnnounceChannel()
    {
        await _host.CommandAsync("U0EMP", "/incident", "report Keys leaked sev2 private");

        await _host.FlushAsync();

        var created = _host.Slack.Succeeded("conversations.create").Should().ContainSingle().Which.Body;
        created["name"]!.GetValue<string>().Should().Be("inc-1-keys-leaked");
        created["is_private"]!.GetValue<bool>().Should().BeTrue();
        _host.Slack.Succeeded("conversations.invite").Should().ContainSingle()
            .Which.Body["users"]!.GetValue<string>().Split(',').Should().BeEquivalentTo("U01ANA", "U01BEN", "U01DANA", "U0EMP");
        _host.Slack.Succeeded("chat.postMessage").Where(p => p.Channel == "C0INCIDENTS").Should().BeEmpty();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
