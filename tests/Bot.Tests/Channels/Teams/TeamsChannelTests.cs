using System.Net;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

public sealed class TeamsChannelTests : IAsyncLifetime
{
    private readonly TeamsHost _host = new();
    private static readonly string AnnounceActivities = $"/amer/v3/conversations/{Activities.Announce}/activities";

    [Fact]
    public async Task MentionInAChannel_IsStrippedAndTheCommandRuns()
    {
        var response = await _host.SendAsync(Activities.Mention("incident report Search is slow sev3"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _host.Desk.ShowAsync(1)).Incident!.Title.Should().Be("Search is slow");
    }

    [Fact]
    public async Task NewIncident_PostsOneCardToTheAnnounceChannelAndRecordsIt()
    {
        await _host.SendAsync(Activities.Message("incident report Checkout is down sev2"));

        await _host.DeliverOutboxAsync();

        var card = _host.Fake.Accepted.Should().ContainSingle(c => c.Path == AnnounceActivities).Which;
        card.Card!["version"]!.GetValue<string>().Should().Be("1.5");
        (await _host.Ledger.PostsOfAsync(1, "teams", "card")).Should().Contain(p => p.ConversationId == Activities.Announce);
    }

    [Fact]
    public async Task AcknowledgeButton_UpdatesTheCardInPlace()
    {
        var cardId = await ReportAndPostCardAsync();

        await _host.SendAsync(Activities.Pressed(ActionIds.Acknowledge, "INC-1", cardId));
        await _host.DeliverOutboxAsync();

        var puts = _host.Fake.Accepted.Where(c => c.Method == "PUT" && c.Path == $"{AnnounceActivities}/{cardId}").ToList();
        puts.Should().NotBeEmpty();
        puts[^1].Card!.ToJsonString().Should().Contain("acknowledged");
        _host.Fake.Accepted.Count(c => c.Method == "POST" && c.Path == AnnounceActivities).Should().Be(1);
    }

    [Fact]
    public async Task ThrottledOnceThenAccepted_PostsTheReplyOnce()
    {
        _host.Fake.Answer(HttpStatusCode.TooManyRequests);

        await _host.SendAsync(Activities.Message("incident help"));

        _host.Fake.Calls.Should().HaveCount(2);
        _host.Fake.Accepted.Should().ContainSingle().Which.Text.Should().Contain("IncidentBot commands");
    }

    [Fact]
    public async Task SeveralSends_ShareOneCachedToken()
    {
        await _host.SendAsync(Activities.Message("incident help"));
        await _host.SendAsync(Activities.Message("incident oncall"));
        await _host.SendAsync(Activities.Message("incident list"));

        _host.Fake.Accepted.Should().HaveCount(3);
        _host.Fake.TokenRequests.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteAcknowledge_AnswersWithTheRefreshedCardInTheResponse()
    {
        await ReportAndPostCardAsync();

        var response = await _host.SendAsync(Activities.Execute(ActionIds.Acknowledge, new JsonObject { ["action"] = ActionIds.Acknowledge, ["incident"] = "INC-1" }));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["statusCode"]!.GetValue<int>().Should().Be(200);
        body["type"]!.GetValue<string>().Should().Be("application/vnd.microsoft.card.adaptive");
        body["value"]!.ToJsonString().Should().Contain("acknowledged").And.Contain("Action.Execute");
    }

    [Fact]
    public async Task BotAddedToTheAnnounceChannel_SavesItsReferenceAndSaysHello()
    {
        await _host.SendAsync(Activities.BotAdded());

        var reference = await _host.Ledger.FindReferenceAsync("teams", "announce");
        reference!.ServiceUrl.Should().Be(FakeBotFramework.ServiceUrl);
        _host.Fake.Accepted.Should().ContainSingle().Which.Text.Should().Contain("IncidentBot commands");
    }

    [Fact]
    public async Task RepeatedActivity_IsHandledOnce()
    {
        var report = Activities.Message("incident report Checkout is down sev2");

        await _host.SendAsync(report);
        await _host.SendAsync(report);

        (await _host.Desk.ShowAsync(2)).Incident.Should().BeNull();
    }

    [Fact]
    public async Task PagedResponder_GetsTheCardInANewOneToOneChat()
    {
        await _host.SendAsync(Activities.Message("incident report Checkout is down sev2"));

        await _host.DeliverOutboxAsync();

        var created = _host.Fake.Accepted.Where(c => c.Path == "/amer/v3/conversations").Select(c => c.Json).ToList();
        created.Should().Contain(c => (string?)c["members"]![0]!["id"] == "29:ben-aad");
        created.Should().OnlyContain(c => (string?)c["channelData"]!["tenant"]!["id"] == Activities.Tenant);
    }

    [Fact]
    public async Task MessageWritesBlocked_MarksTheChatUnreachableAndStopsSendingThere()
    {
        await _host.SendAsync(Activities.Message("incident help", from: "29:ben-aad", conversation: BenChat));
        _host.Fake.Block(BenChat);

        await _host.SendAsync(Activities.Message("incident report Checkout is down sev2"));
        await _host.DeliverOutboxAsync();
        await _host.SendAsync(Activities.Message("incident report Search is slow sev2"));
        await _host.DeliverOutboxAsync();

        (await _host.Ledger.FindReferenceAsync("teams", "ben"))!.Unreachable.Should().BeTrue();
        _host.Fake.Calls.Count(c => c.Path.StartsWith($"/amer/v3/conversations/{BenChat}/", StringComparison.Ordinal)).Should().Be(2, "the help reply, then one refused page");
    }

    private const string BenChat = "a:ben-personal";

    private async Task<string> ReportAndPostCardAsync()
    {
        await _host.SendAsync(Activities.Message("incident report Checkout is down sev2"));
        await _host.DeliverOutboxAsync();
        _host.Fake.Accepted.Should().ContainSingle(c => c.Method == "POST" && c.Path == AnnounceActivities);
        return (await _host.Ledger.PostsOfAsync(1, "teams", "card")).Single(p => p.ConversationId == Activities.Announce).MessageId;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
