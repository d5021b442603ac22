using System.Net.Http.Json;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

public sealed class LocalTimerPostsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly LocalHost _host;

    public LocalTimerPostsTests() => _host = new LocalHost(clock: _clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UnacknowledgedIncident_ClimbsTheLadderAndThePageShowsTheNextLevelPaged()
    {
        using var client = _host.CreateClient();
        (await client.PostAsJsonAsync("/local/messages", new LocalMessageRequest("Priya", "/incident report DB down sev1"))).EnsureSuccessStatusCode();
        await _host.FlushOutboxAsync();
        var before = _host.Feed.After(0).Max(p => p.Id);

        // Minute by minute past the 15-minute acknowledgement window, as the background loop would tick.
        for (var minute = 0; minute < 16; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await _host.Services.GetRequiredService<TimerTick>().RunOnceAsync();
        }

        await _host.FlushOutboxAsync();

        var posts = _host.Feed.After(before);
        posts.Should().Contain(p => p.Conversation == "DM Chen" && p.IncidentNumber == 1);
        posts.Should().Contain(p => p.Kind == LocalPostKind.Update && p.Card!.Fields.Any(f => f.Label == "Ladder" && f.Value.StartsWith("L2", StringComparison.Ordinal)));
    }
}
