using Jivrus.IncidentBot.Bot.Channels.Slack;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

public sealed class SlackPacerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SlackPacer _pacer;

    public SlackPacerTests() => _pacer = new SlackPacer(Options.Create(new SlackOptions()), _time);

    [Fact]
    public async Task SecondPostIntoOneChannel_WaitsASecond()
    {
        await _pacer.WaitTurnAsync("C1", CancellationToken.None);

        var second = _pacer.WaitTurnAsync("C1", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        var early = second.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));

        early.Should().BeFalse();
        await second;
    }

    [Fact]
    public async Task PostsIntoDifferentChannels_DoNotWaitForEachOther()
    {
        await _pacer.WaitTurnAsync("C1", CancellationToken.None);

        var other = _pacer.WaitTurnAsync("C2", CancellationToken.None);

        other.IsCompleted.Should().BeTrue();
        await other;
    }

    [Theory]
    [InlineData(7, "Checkout is DOWN!", "inc-7-checkout-is-down")]
    [InlineData(12, "Café — payments (EU)", "inc-12-cafe-payments-eu")]
    [InlineData(3, "!!!", "inc-3")]
    public void IncidentChannelName_IsLowercaseDigitsAndDashes(int number, string title, string expected)
    {
        SlackChannelName.For(number, title).Should().Be(expected);
    }

    [Fact]
    public void IncidentChannelName_FitsSlacksLimitWithRoomForASuffix()
    {
        SlackChannelName.For(99999, new string('x', 200)).Length.Should().BeLessThanOrEqualTo(76);
    }
}
