using System.Net.Http.Json;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>/oncall on the local page with the shipped plan: Ana is primary and Ben backup in the week of 7 December 2026.</summary>
public sealed class LocalOnCallTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 8, 6, 0, 0, TimeSpan.Zero)); // Tue 11:30 in Kolkata
    private readonly LocalHost _host;
    private HttpClient _client = null!;

    public LocalOnCallTests() => _host = new LocalHost(clock: _clock);

    public Task InitializeAsync()
    {
        _client = _host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OnCall_ShowsEachLevelAndTheNextHandoffs()
    {
        var reply = await SayAsync("ben", "/oncall");

        reply.Text.Should().Be("""
            On call now:
            1. Support on-call (L1): Ana (support), Ben (support-backup)
            2. Engineering on-call (L2): Chen
            3. Management: Dana
            Next handoffs:
            - Support on-call (primary): Ben takes over from Ana at Mon 14 Dec 09:00 (Asia/Kolkata)
            - Support on-call (backup): Ana takes over from Ben at Mon 14 Dec 09:00 (Asia/Kolkata)
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Override_ByThePersonOnCall_IsMarkedInOnCallAndListed()
    {
        var made = await SayAsync("ana", "/oncall override support @chen 2h");
        var now = await SayAsync("ben", "oncall");
        var listed = await SayAsync("ben", "/oncall overrides");

        made.Text.Should().Be("Override #1: Chen is on call for Support on-call (primary) from now until 13:30 (Asia/Kolkata), instead of Ana. Made by Ana.");
        now.Text.Split('\n')[1].Should().Be("1. Support on-call (L1): Chen (override #1) (support), Ben (support-backup)");
        listed.Text.Should().Be("On-call overrides in force (1):\n#1 Support on-call (primary): Chen until 13:30 (Asia/Kolkata) (made by Ana)");
    }

    [Fact]
    public async Task Override_UntilATime_IsReadInTheRotationsZone_AndCancelledByItsMaker()
    {
        await SayAsync("dana", "/oncall override support-backup @chen until 2026-12-09 18:00");

        var cancelled = await SayAsync("dana", "/oncall cancel #1");

        cancelled.Text.Should().Be("Dana cancelled override #1. Ben is on call for Support on-call (backup) again.");
    }

    [Fact]
    public async Task Override_BySomeoneNotOnCall_IsRefusedNamingWhoMay()
    {
        var reply = await SayAsync("chen", "/oncall override support @ben 4h");

        reply.Text.Should().Be("Chen cannot hand Support on-call (primary) to Ben. The person on call (Ana) or a manager may; anyone may take a shift for themself.");
    }

    [Fact]
    public async Task Handoff_PostsTheIncomingAndOutgoingNotesAndOneSupportLinePerRotation()
    {
        await _host.FlushOutboxAsync();
        var before = _host.Feed.After(0).Select(p => p.Id).DefaultIfEmpty(0).Max();

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 3, 30, 0, TimeSpan.Zero));
        await _host.Services.GetRequiredService<TimerTick>().RunOnceAsync();
        await _host.FlushOutboxAsync();

        // The week's summaries fall due on the way; each conversation gets its posts in order.
        _host.Feed.After(before).Where(p => p.Conversation != LocalConversations.Management)
            .OrderBy(p => p.Conversation, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => (p.Conversation, p.Text)).Should().Equal(
            (LocalConversations.Support, "On call for Support on-call (primary): Ben takes over from Ana until Mon 21 Dec 09:00 (Asia/Kolkata)."),
            (LocalConversations.Support, "On call for Support on-call (backup): Ana takes over from Ben until Mon 21 Dec 09:00 (Asia/Kolkata)."),
            ("DM Ana", "Your on-call turn for Support on-call (primary) has ended; Ben is on call now."),
            ("DM Ana", "You are on call for Support on-call (backup) now, until Mon 21 Dec 09:00 (Asia/Kolkata). No incidents are open on this rotation."),
            ("DM Ben", "You are on call for Support on-call (primary) now, until Mon 21 Dec 09:00 (Asia/Kolkata). No incidents are open on this rotation."),
            ("DM Ben", "Your on-call turn for Support on-call (backup) has ended; Ana is on call now."));
    }

    private async Task<LocalReply> SayAsync(string user, string text)
    {
        var response = await _client.PostAsJsonAsync("/local/messages", new LocalMessageRequest(user, text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalReply>())!;
    }
}
