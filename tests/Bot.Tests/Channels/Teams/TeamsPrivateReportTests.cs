using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

/// <summary>A private incident in Teams: no announce card or thread, only 1:1 chats with its members.</summary>
public sealed class TeamsPrivateReportTests : IAsyncLifetime
{
    private readonly TeamsHost _host = new();
    private static readonly string AnnounceActivities = $"/amer/v3/conversations/{Activities.Announce}/activities";

    [Fact]
    public async Task Report_Private_PostsNothingInTheAnnounceChannelAndOneCardPerMemberChat()
    {
        await _host.SendAsync(Activities.Message("incident report Keys leaked sev2 private"));
        var answered = _host.Fake.Accepted.Count;

        await _host.DeliverOutboxAsync();

        var delivered = _host.Fake.Accepted.Skip(answered).ToList();
        delivered.Where(c => c.Path.StartsWith(AnnounceActivities, StringComparison.Ordinal)).Should().BeEmpty();
        // Dana, the manager, gets the card in her chat; Ana (the reporter) and Ben get it with their pages.
        delivered.Where(c => c.Method == "POST" && c.Path.EndsWith("/activities", StringComparison.Ordinal))
            .Select(c => c.Card is null ? "text" : "card").Should().Equal("card", "card", "card");
    }

    [Fact]
    public async Task Ack_Private_TellsEveryMemberInTheirOwnChatOnce()
    {
        await _host.SendAsync(Activities.Message("incident report Keys leaked sev2 private"));
        await _host.DeliverOutboxAsync();
        var before = _host.Fake.Accepted.Count;

        await _host.SendAsync(Activities.Message("incident ack INC-1"));
        await _host.DeliverOutboxAsync();

        var posts = _host.Fake.Accepted.Skip(before).Where(c => c.Method == "POST" && c.Path.EndsWith("/activities", StringComparison.Ordinal) && c.Text == "Ana acknowledged INC-1.").Select(c => c.Path).ToList();
        posts.Should().HaveCount(3).And.OnlyHaveUniqueItems();
        posts.Should().NotContain(p => p.StartsWith(AnnounceActivities, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportForm_WithPrivateOn_FilesAPrivateIncident()
    {
        var form = new JsonObject { ["form"] = "report", ["title"] = "Keys leaked", ["severity"] = "sev2", ["private"] = "true" };

        await _host.SendAsync(TeamsFormTests.Submitted(form, "form-card-1"));

        (await _host.Desk.ShowAsync(1)).Incident!.IsPrivate.Should().BeTrue();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
