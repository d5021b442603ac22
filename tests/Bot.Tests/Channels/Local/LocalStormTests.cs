using System.Net.Http.Json;
using Jivrus.IncidentBot.Bot.Channels.Local;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>A burst of reports above Delivery:StormThreshold (5): one digest in #incidents, and each incident's card in #inc-n.</summary>
public sealed class LocalStormTests : IAsyncLifetime
{
    private const int Burst = 7;
    private readonly LocalHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Burst_PostsOneDigestAndEachCardInTheIncidentsConversation()
    {
        var client = _host.CreateClient();
        for (var n = 1; n <= Burst; n++)
            (await client.PostAsJsonAsync("/local/messages", new LocalMessageRequest("Priya", $"/incident report Widget {n} misbehaves sev2"))).EnsureSuccessStatusCode();

        await _host.FlushOutboxAsync();

        var posts = _host.Feed.After(0);
        posts.Where(p => p.Conversation == "#incidents").Select(p => (p.Kind, p.Text)).Should().Equal(
            (LocalPostKind.Message, "Storm: 7 posts about 7 incidents folded into this one. Act on each from its card:"
                + string.Concat(Enumerable.Range(1, Burst).Select(n => $"\n• INC-{n} sev2 Widget {n} misbehaves — card in #inc-{n}"))));
        for (var n = 1; n <= Burst; n++)
        {
            posts.Where(p => p.Conversation == $"#inc-{n}").Should().ContainSingle()
                .Which.Card!.Buttons.Should().NotBeEmpty();
        }

        posts.Count(p => p.Kind == LocalPostKind.Card && !p.Conversation.StartsWith("DM ", StringComparison.Ordinal)).Should().Be(Burst);
    }
}
