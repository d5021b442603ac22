using System.Net.Http.Json;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

public sealed class LocalActionTests : IAsyncLifetime
{
    // Tuesday 14:30 in Kolkata: the reminder a day later falls in business hours.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly LocalHost _host;

    public LocalActionTests() => _host = new LocalHost(clock: _clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ActionReminder_ShowsADoneButtonThatMarksTheActionDone()
    {
        using var client = _host.CreateClient();
        await SayAsync(client, "ana", "/incident report DB down sev1");
        await SayAsync(client, "ana", "/incident action add INC-1 Add replication alerts owner @chen due 2d");
        await _host.FlushOutboxAsync();
        var before = _host.Feed.After(0).Max(p => p.Id);

        _clock.Advance(TimeSpan.FromDays(1));
        await _host.Services.GetRequiredService<TimerTick>().RunOnceAsync();
        await _host.FlushOutboxAsync();
        var reminder = _host.Feed.After(before).Single(p => p.Text.StartsWith("Reminder: INC-1 #1", StringComparison.Ordinal));
        var pressed = await client.PostAsJsonAsync("/local/actions", new LocalActionRequest("chen", reminder.Buttons[0].ActionId, reminder.Buttons[0].Value));
        var reply = await pressed.Content.ReadFromJsonAsync<LocalReply>();

        reminder.Conversation.Should().Be("DM Chen");
        reminder.Text.Should().Be("Reminder: INC-1 #1 (DB down) is due Thu 6 Mar 14:30 (Asia/Kolkata): Add replication alerts. Press Done when it is done, or drop it with /incident action drop INC-1 1 <reason>.");
        reminder.Buttons.Should().Equal(new LocalCardButton("Done", "action.done", "INC-1 #1", "primary", null));
        reply!.Text.Should().Be("Chen marked INC-1 #1 done: Add replication alerts");
    }

    [Fact]
    public async Task ActionsMine_ListsTheSendersOpenActions()
    {
        using var client = _host.CreateClient();
        await SayAsync(client, "ana", "/incident report DB down sev1");
        await SayAsync(client, "ana", "/incident action add INC-1 Add replication alerts owner @chen due 2d");

        var mine = await SayAsync(client, "chen", "/incident actions mine");
        var none = await SayAsync(client, "ana", "/incident actions mine");

        mine.Text.Should().Be("Your open corrective actions (1):\nINC-1 #1 · open · Add replication alerts · owner Chen · due Thu 6 Mar 14:30 (Asia/Kolkata)");
        none.Text.Should().Be("You have no open corrective actions.");
    }

    private static async Task<LocalReply> SayAsync(HttpClient client, string user, string text)
    {
        var response = await client.PostAsJsonAsync("/local/messages", new LocalMessageRequest(user, text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalReply>())!;
    }
}
