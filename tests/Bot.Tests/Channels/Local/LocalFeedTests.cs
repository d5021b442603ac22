using Jivrus.IncidentBot.Bot.Channels.Local;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

public sealed class LocalFeedTests
{
    private readonly LocalFeed _feed = new(new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Add_GivesIncreasingIdsAndTheProvidersTime()
    {
        var first = Add("one");
        var second = Add("two");

        second.Id.Should().BeGreaterThan(first.Id);
        second.Time.Should().Be(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void After_KeepsOnlyTheLatestPostsOfTheBuffer()
    {
        for (var i = 0; i < LocalFeed.Capacity + 10; i++)
            Add($"post {i}");

        var posts = _feed.After(0);

        posts.Should().HaveCount(LocalFeed.Capacity);
        posts[0].Text.Should().Be("post 10");
    }

    [Fact]
    public void Add_SameOutboxMessageTwice_PostsOnce()
    {
        var first = _feed.Add("#incidents", "INC-1 reported", null, 1, LocalPostKind.Message, sourceId: 42);

        var again = _feed.Add("#incidents", "INC-1 reported", null, 1, LocalPostKind.Message, sourceId: 42);

        again.Should().BeSameAs(first);
        _feed.After(0).Should().ContainSingle();
    }

    [Fact]
    public async Task Follow_ReplaysBufferedPostsThenLiveOnes()
    {
        var seen = Add("seen");
        Add("missed");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var posts = _feed.FollowAsync(seen.Id, stop.Token).GetAsyncEnumerator(stop.Token);
        (await posts.MoveNextAsync()).Should().BeTrue();
        posts.Current.Text.Should().Be("missed");

        Add("live");

        (await posts.MoveNextAsync()).Should().BeTrue();
        posts.Current.Text.Should().Be("live");
    }

    [Fact]
    public async Task Follow_SubscriberThatFallsTooFarBehind_IsDroppedAndItsStreamEnds()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var slow = _feed.FollowAsync(0, stop.Token).GetAsyncEnumerator(stop.Token);
        var waiting = slow.MoveNextAsync();
        Add("first");
        (await waiting).Should().BeTrue();

        for (var i = 0; i <= LocalFeed.SubscriberBacklog; i++)
            Add($"flood {i}");

        _feed.SubscriberCount.Should().Be(0);
        var read = 0;
        while (await slow.MoveNextAsync())
            read++;
        read.Should().Be(LocalFeed.SubscriberBacklog);
    }

    [Fact]
    public async Task Follow_Cancelled_EndsQuietlyAndUnsubscribes()
    {
        using var stop = new CancellationTokenSource();
        await using var posts = _feed.FollowAsync(0, stop.Token).GetAsyncEnumerator(CancellationToken.None);
        var waiting = posts.MoveNextAsync();

        await stop.CancelAsync();

        (await waiting).Should().BeFalse();
        _feed.SubscriberCount.Should().Be(0);
    }

    private LocalPost Add(string text) => _feed.Add("#incidents", text, null, null, LocalPostKind.Message);
}
