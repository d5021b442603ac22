using Jivrus.IncidentBot.Bot.Channels.Slack;
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
        memory.TryAdd("a", out _).Should().BeTrue();
        memory.TryAdd("a", out _).Should().BeFalse();

        memory.TryAdd("b", out _);
        memory.TryAdd("c", out _);

        (memory.TryAdd("a", out _), memory.TryAdd("c", out _)).Should().Be((true, false));
    }

    [Fact]
    public async Task Memory_KeepsTheAnswersOfOnlyTheMostRecentEnvelopes()
    {
        var memory = new EnvelopeMemory(capacity: 10, answers: 1);
        memory.TryAdd("a", out var a);
        a.SetResult(SlackAnswer.None);
        memory.TryAdd("b", out var b);
        b.SetResult(SlackAnswer.None);

        memory.TryAdd("a", out var repeatOfA).Should().BeFalse();
        memory.TryAdd("b", out var repeatOfB).Should().BeFalse();

        (await repeatOfA.Task, await repeatOfB.Task).Should().Be(((SlackAnswer?)null, SlackAnswer.None));
    }
}
