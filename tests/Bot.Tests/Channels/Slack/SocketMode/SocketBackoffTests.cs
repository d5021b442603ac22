using Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack.SocketMode;

public sealed class SocketBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.5, 750)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(3, 0.5, 3000)]
    [InlineData(5, 0.0, 8000)]
    public void Delay_DoublesWithEachFailureAndIsJitteredBetweenHalfAndAll(int failures, double jitter, int milliseconds)
    {
        SocketBackoff.Delay(failures, Base, Cap, jitter).Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData(6, 0.999999, 30)]
    [InlineData(40, 0.0, 15)]
    [InlineData(int.MaxValue, 1.0, 30)]
    public void Delay_StopsGrowingAtTheCap(int failures, double jitter, int seconds)
    {
        SocketBackoff.Delay(failures, Base, Cap, jitter).Should().BeCloseTo(TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Memory_ForgetsTheOldestIdOnceFull()
    {
        var memory = new EnvelopeMemory(capacity: 2);
        memory.TryAdd("a").Should().BeTrue();
        memory.TryAdd("a").Should().BeFalse();

        memory.TryAdd("b");
        memory.TryAdd("c");

        (memory.TryAdd("a"), memory.TryAdd("c")).Should().Be((true, false));
    }
}
