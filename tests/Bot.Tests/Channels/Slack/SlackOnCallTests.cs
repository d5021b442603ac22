using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Bot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

/// <summary>/oncall over Slack, and a handoff keeping the rotation's Slack user group equal to whoever is on call.</summary>
public sealed class SlackOnCallTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 14, 3, 0, 0, TimeSpan.Zero)); // Mon 08:30 in Kolkata
    private readonly string _plan = Path.Combine(Path.GetTempPath(), $"plan-oncall-{Guid.NewGuid():N}.yaml");
    private SlackHost _host = null!;

    public Task InitializeAsync() => StartAsync(backupGroup: null);

    // backupGroup: the Slack user group of the backup rotation too, or none.
    private Task StartAsync(string? backupGroup)
    {
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plan.default.yaml"));
        var plan = shipped.Replace("    people: [ana, ben]\n", "    people: [ana, ben]\n    slackUserGroup: S0SUPPORT\n", StringComparison.Ordinal);
        if (backupGroup is not null)
            plan = plan.Replace("    people: [ben, ana]\n", $"    people: [ben, ana]\n    slackUserGroup: {backupGroup}\n", StringComparison.Ordinal);
        File.WriteAllText(_plan, plan);
        _host = new SlackHost(_clock, ("ResponsePlan:Path", _plan));
        _host.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_plan);
    }

    [Fact]
    public async Task SlashOnCall_WithARotation_AnswersItsTurnsEphemerally()
    {
        var response = await _host.CommandAsync("U01CHEN", "/oncall", "support");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["response_type"]!.GetValue<string>().Should().Be("ephemeral");
        var turns = "Support on-call (primary) (support): Ana, until 09:00 (Asia/Kolkata).\nNext: Ben from 09:00 (Asia/Kolkata); Ana from Mon 21 Dec 09:00 (Asia/Kolkata); "
            + "Ben from Mon 28 Dec 09:00 (Asia/Kolkata); Ana from Mon 4 Jan 09:00 (Asia/Kolkata).";
        var calendar = "\nCalendar of Support on-call (primary) (iCal, the next 90 days, overrides included): ";
        body["text"]!.GetValue<string>().Should().MatchRegex("^" + Regex.Escape(turns + calendar) + @"http://localhost:5080/oncall/support\.ics\?exp=\d+&amp;sig=[0-9a-f]{64}"
            + Regex.Escape("\nSubscribe to it in your calendar; the link works until ") + @"\w{3} \d{1,2} \w{3} \d{4} \d{2}:\d{2}" + Regex.Escape(" (Asia/Kolkata).") + "$");
    }

    [Fact]
    public async Task Handoff_UpdatesTheUserGroupAndPostsOneLineInTheSupportChannel()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 3, 30, 0, TimeSpan.Zero));
        await _host.Services.GetRequiredService<TimerTick>().RunOnceAsync();
        await _host.FlushAsync();

        _host.Slack.Succeeded("usergroups.users.update").Select(c => c.Body.ToJsonString()).Should().Equal(
            """{"usergroup":"S0SUPPORT","users":"U01BEN"}""");
        _host.Slack.Succeeded("chat.postMessage").Where(c => c.Channel == "C0SUPPORT").Select(c => c.Text).Should().Equal(
            "On call for Support on-call (primary): Ben takes over from Ana until Mon 21 Dec 09:00 (Asia/Kolkata).",
            "On call for Support on-call (backup): Ana takes over from Ben until Mon 21 Dec 09:00 (Asia/Kolkata).");
    }

    [Fact]
    public async Task Override_AndItsCancel_UpdateTheUserGroupAtOnce()
    {
        (await _host.CommandAsync("U01ANA", "/oncall", "override support <@U01CHEN> 2h")).EnsureSuccessStatusCode();
        await _host.FlushAsync();
        (await _host.CommandAsync("U01CHEN", "/oncall", "cancel 1")).EnsureSuccessStatusCode();
        await _host.FlushAsync();

        _host.Slack.Succeeded("usergroups.users.update").Select(c => c.Body.ToJsonString()).Should().Equal(
            """{"usergroup":"S0SUPPORT","users":"U01CHEN"}""",
            """{"usergroup":"S0SUPPORT","users":"U01ANA"}""");
    }

    [Fact]
    public async Task Handoff_OfTwoRotationsNamingOneGroup_PutsEveryoneOnCallInIt()
    {
        await _host.DisposeAsync();
        await StartAsync(backupGroup: "S0SUPPORT");
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 3, 30, 0, TimeSpan.Zero));

        await _host.Services.GetRequiredService<TimerTick>().RunOnceAsync();
        await _host.FlushAsync();

        // Each rotation's handoff updates the group, each time with the people on call on both.
        _host.Slack.Succeeded("usergroups.users.update").Select(c => c.Body.ToJsonString()).Should().Equal(
            """{"usergroup":"S0SUPPORT","users":"U01BEN,U01ANA"}""",
            """{"usergroup":"S0SUPPORT","users":"U01BEN,U01ANA"}""");
    }
}
