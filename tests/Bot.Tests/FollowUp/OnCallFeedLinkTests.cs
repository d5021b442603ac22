using System.Net;
using Ical.Net;
using Jivrus.IncidentBot.Workflow.OnCall;

namespace Jivrus.IncidentBot.Bot.Tests.FollowUp;

/// <summary><c>/oncall &lt;rotation&gt;</c> hands out the rotation's calendar at a signed link; the link serves it as iCalendar.</summary>
public sealed class OnCallFeedLinkTests : IAsyncLifetime
{
    private readonly PostmortemHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OnCall_ForARotation_EndsWithItsCalendarLink()
    {
        var reply = await _host.SayAsync("ana", "/oncall support");

        var (url, _) = PostmortemHost.LinkIn(reply);
        url.Should().MatchRegex(@"^https://incidentbot\.example\.com/ops/oncall/support\.ics\?exp=1773028800&sig=[0-9a-f]{64}$");
        var lines = reply.Split('\n');
        lines[^2].Should().Be($"Calendar of Support on-call (primary) (iCal, the next 90 days, overrides included): {url}");
        lines[^1].Should().Be("Subscribe to it in your calendar; the link works until Mon 9 Mar 2026 09:30 (Asia/Kolkata).");
        string.Join('\n', lines[..^2]).Should().Be(await _host.Desk.OnCallNowAsync("support"));
    }

    [Fact]
    public async Task OnCall_WithoutARotation_GivesNoLink()
    {
        var reply = await _host.SayAsync("ana", "/oncall");

        reply.Should().Be(await _host.Desk.OnCallNowAsync());
        PostmortemHost.LinkIn(reply).Url.Should().BeEmpty();
    }

    [Fact]
    public async Task Link_Opened_ServesTheRotationsShiftsAsICalendar()
    {
        var (_, link) = PostmortemHost.LinkIn(await _host.SayAsync("ana", "/oncall support"));

        using var response = await _host.OpenAsync(link);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/calendar; charset=utf-8");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Be(OnCallCalendar.Document(_host.Desk.Plan, await _host.Desk.OnCallRosterAsync(), "support", _host.Desk.Now));
        var calendar = Calendar.Load(body)!;
        calendar.Events.Should().HaveCount(13, "weekly shifts that meet the next 90 days: the one under way and twelve more");
        calendar.Events.Select(e => e.Summary).Distinct().Should().BeEquivalentTo("Ana on call: Support on-call (primary)", "Ben on call: Support on-call (primary)");
    }

    [Fact]
    public async Task Link_AfterAnOverrideEndedEarlierInTheShift_ShowsTheShiftWithTheOverride()
    {
        await _host.SayAsync("ana", "/oncall override support @chen 2h");
        _host.Time.Advance(TimeSpan.FromHours(3));
        var (_, link) = PostmortemHost.LinkIn(await _host.SayAsync("ana", "/oncall support"));

        using var response = await _host.OpenAsync(link);

        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).Select(e => $"{e.DtStart!.AsUtc:ddd HH:mm}-{e.DtEnd!.AsUtc:ddd HH:mm} {e.Summary}").ToList();
        events.Take(4).Should().Equal(
            "Mon 03:30-Mon 04:00 Ana on call: Support on-call (primary)",
            "Mon 04:00-Mon 06:00 Chen on call: Support on-call (primary) (override #1)",
            "Mon 06:00-Mon 03:30 Ana on call: Support on-call (primary)",
            "Mon 03:30-Mon 03:30 Ben on call: Support on-call (primary)");
    }

    [Fact]
    public async Task Link_WithTheRotationChanged_Is403()
    {
        var (_, link) = PostmortemHost.LinkIn(await _host.SayAsync("ana", "/oncall support"));

        using var response = await _host.OpenAsync(link.Replace("/oncall/support.ics", "/oncall/support-backup.ics", StringComparison.Ordinal));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            "This link is not valid: it was changed, cut short or made with another key; get a new one with /oncall support-backup.");
    }

    [Fact]
    public async Task Link_AfterItsLifetime_Is403AndSaysItExpired()
    {
        var (_, link) = PostmortemHost.LinkIn(await _host.SayAsync("ana", "/oncall support"));
        _host.Time.Advance(TimeSpan.FromDays(7));

        using var response = await _host.OpenAsync(link);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            "This link expired at 2026-03-09 04:00 UTC; get a new one with /oncall support.");
    }
}
