using Jivrus.IncidentBot.Bot.Channels.Teams;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

public sealed class TeamsPacerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void EighthSendWithinASecond_WaitsForTheWindow()
    {
        var pacer = new TeamsPacer(_time);
        for (var i = 0; i < TeamsPacer.PerSecond; i++)
            pacer.Reserve("19:c@thread.tacv2").Should().Be(TimeSpan.Zero);

        var wait = pacer.Reserve("19:c@thread.tacv2");

        wait.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void SixtyFirstSendWithinHalfAMinute_WaitsForTheLongWindow()
    {
        var pacer = new TeamsPacer(_time);
        for (var i = 0; i < TeamsPacer.PerHalfMinute; i++)
        {
            _time.Advance(pacer.Reserve("a:chat"));
        }

        var wait = pacer.Reserve("a:chat");

        (_time.GetUtcNow() + wait).Should().BeOnOrAfter(new DateTimeOffset(2030, 1, 1, 9, 0, 30, TimeSpan.Zero));
    }

    [Fact]
    public void ThreadsOfOneChannel_ShareTheChannelsLimit()
    {
        var pacer = new TeamsPacer(_time);
        for (var i = 0; i < TeamsPacer.PerSecond; i++)
            pacer.Reserve($"19:c@thread.tacv2;messageid={i}");

        pacer.Reserve("19:c@thread.tacv2").Should().BePositive();
    }
}
