namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

/// <summary>A burst of reports above Delivery:StormThreshold (5): one digest in announce, and every incident keeps its one card there.</summary>
public sealed class TeamsStormTests : IAsyncLifetime
{
    private const int Burst = 7;
    private static readonly string AnnounceActivities = $"/amer/v3/conversations/{Activities.Announce}/activities";
    private readonly TeamsHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Burst_PostsOneDigestAndOneCardPerIncidentInAnnounce()
    {
        for (var n = 1; n <= Burst; n++)
            await _host.SendAsync(Activities.Message($"incident report Widget {n} misbehaves sev2"));

        for (var round = 0; round < 5 && await _host.DeliverOutboxAsync() > 0; round++)
        {
        }

        var announce = _host.Fake.Accepted.Where(c => c.Method == "POST" && c.Path == AnnounceActivities).ToList();
        announce.Where(c => c.Card is null).Select(c => c.Text).Should().Equal(
            "Storm: 7 posts about 7 incidents folded into this one. Act on each from its card:"
            + string.Concat(Enumerable.Range(1, Burst).Select(n => $"\n• INC-{n} sev2 Widget {n} misbehaves — card in this channel")));
        announce.Where(c => c.Card is not null).Should().HaveCount(Burst);
        for (var n = 1; n <= Burst; n++)
        {
            var cards = (await _host.Ledger.PostsOfAsync(n, "teams", "card")).Where(p => p.ConversationId == Activities.Announce).ToList();
            cards.Should().ContainSingle();
            announce.Should().ContainSingle(c => c.Id == cards[0].MessageId)
                .Which.Card!.ToJsonString().Should().Contain("incident.acknowledge");
        }
    }
}
