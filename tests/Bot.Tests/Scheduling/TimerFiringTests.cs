using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Scheduling;

/// <summary>Each timer kind of the plan, fired by the real tick on a fake clock (shipped default plan).</summary>
public sealed class TimerFiringTests : IAsyncLifetime
{
    // Monday 2026-03-02 10:00 in Kolkata: inside business hours.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 4, 30, 0, TimeSpan.Zero);
    private static readonly Actor Eve = Actor.Employee("local:eve", "Eve");
    private static readonly Actor Ana = Actor.Person("ana", "Ana");
    private TimedHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new TimedHost(Monday);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AckReminder_AtHalfTheWindow_RemindsThePagedPeople()
    {
        await ReportAsync("sev1");

        await _host.AdvanceAsync(TimeSpan.FromMinutes(7.5));

        _host.TextsTo(Audience.Person, "ana").Should().Contain(t => t.StartsWith("Reminder: INC-1", StringComparison.Ordinal));
        _host.TextsTo(Audience.Person, "ben").Should().Contain(t => t.StartsWith("Reminder: INC-1", StringComparison.Ordinal));
        (await _host.IncidentAsync(1)).LevelId.Should().Be("L1");
    }

    [Fact]
    public async Task Ladder_WithoutAcknowledgement_ClimbsToManagementRepeatsThenSaysItIsExhausted()
    {
        await ReportAsync("sev1");

        await _host.AdvanceAsync(TimeSpan.FromMinutes(15));
        var level2 = await _host.IncidentAsync(1);
        await _host.AdvanceAsync(TimeSpan.FromMinutes(15));
        var top = await _host.IncidentAsync(1);
        await _host.AdvanceAsync(TimeSpan.FromMinutes(30));
        await _host.AdvanceAsync(TimeSpan.FromMinutes(30));
        await _host.AdvanceAsync(TimeSpan.FromMinutes(30));
        await _host.AdvanceAsync(TimeSpan.FromMinutes(30));

        level2.LevelId.Should().Be("L2");
        top.LevelId.Should().Be("management");
        _host.TextsTo(Audience.Person, "chen").Should().Contain(t => t.StartsWith("You are paged for INC-1", StringComparison.Ordinal));
        _host.TextsTo(Audience.Person, "dana").Count(t => t.StartsWith("You are paged for INC-1", StringComparison.Ordinal)).Should().Be(3);
        _host.TextsTo(Audience.Management).Should().ContainSingle(t => t.Contains("The ladder is exhausted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acknowledge_StopsTheClimb()
    {
        await ReportAsync("sev1");
        await _host.Desk.AcknowledgeAsync(Ana, 1);

        await _host.AdvanceAsync(TimeSpan.FromMinutes(20));

        var incident = await _host.IncidentAsync(1);
        incident.LevelId.Should().Be("L1");
        incident.State.Should().Be(IncidentState.Acknowledged);
        _host.TextsTo(Audience.Person, "chen").Should().BeEmpty();
    }

    [Fact]
    public async Task UpdateDue_NudgesTheOwnerThenTellsTheLevelAboveWhenTwiceOverdue()
    {
        await ReportAsync("sev1");
        await _host.Desk.AcknowledgeAsync(Ana, 1);

        await _host.AdvanceAsync(TimeSpan.FromMinutes(30));
        var afterFirst = _host.TextsTo(Audience.Person, "chen").Count;
        await _host.AdvanceAsync(TimeSpan.FromMinutes(30));

        _host.Posts.Deliveries.Should().Contain(d => d.Message.Kind == NoticeKind.UpdateNudge && d.Message.PersonId == "ana");
        afterFirst.Should().Be(0);
        _host.TextsTo(Audience.Person, "chen").Should().ContainSingle(t => t.Contains("has had no update for 1h", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_WithNext_MovesTheReminder()
    {
        await ReportAsync("sev1");
        await _host.Desk.AcknowledgeAsync(Ana, 1);
        await _host.Desk.UpdateAsync(Ana, 1, "Failing over", next: TimeSpan.FromMinutes(50));

        await _host.AdvanceAsync(TimeSpan.FromMinutes(45));
        var early = _host.Posts.Deliveries.Count(d => d.Message.Kind == NoticeKind.UpdateNudge);
        await _host.AdvanceAsync(TimeSpan.FromMinutes(5));

        early.Should().Be(0);
        _host.Posts.Deliveries.Should().ContainSingle(d => d.Message.Kind == NoticeKind.UpdateNudge);
    }

    [Fact]
    public async Task ResolveTargets_WarnAt75PercentAndAnnounceTheBreach()
    {
        await ReportAsync("sev1");
        await _host.Desk.AcknowledgeAsync(Ana, 1);
        await _host.Desk.UpdateAsync(Ana, 1, "Working on it", next: TimeSpan.FromHours(4));

        await _host.AdvanceAsync(TimeSpan.FromHours(3));
        var warnings = _host.TextsTo(Audience.Management).ToList();
        await _host.AdvanceAsync(TimeSpan.FromHours(1));

        warnings.Should().ContainSingle(t => t.Contains("75 %", StringComparison.Ordinal));
        _host.TextsTo(Audience.Management).Should().ContainSingle(t => t.StartsWith("SLA breached: INC-1", StringComparison.Ordinal));
        _host.TextsTo(Audience.Person, "dana").Should().Contain(t => t.StartsWith("SLA breached: INC-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RcaPending_RemindsDailyAndTellsManagementWhenDue()
    {
        await ReportAsync("sev1");
        await _host.Desk.AcknowledgeAsync(Ana, 1);
        await _host.Desk.ResolveAsync(Ana, 1, "Rolled back");
        await _host.Desk.CloseAsync(Ana, 1);

        for (var day = 0; day < 5; day++)
            await _host.AdvanceAsync(TimeSpan.FromDays(1));

        _host.Posts.Deliveries.Count(d => d.Message.Kind == NoticeKind.RcaPrompt && d.Message.Audience == Audience.Person && d.Message.PersonId == "ana")
            .Should().Be(4);
        _host.TextsTo(Audience.Management).Should().ContainSingle(t => t.Contains("root-cause analysis of INC-1", StringComparison.Ordinal) && t.Contains("overdue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeSeverity_ReplansSoTheNewTargetFires()
    {
        await ReportAsync("sev2");
        await _host.Desk.AcknowledgeAsync(Ana, 1);
        await _host.Desk.UpdateAsync(Ana, 1, "Investigating", next: TimeSpan.FromHours(8));
        await _host.Desk.ChangeSeverityAsync(Ana, 1, "sev1");

        await _host.AdvanceAsync(TimeSpan.FromHours(4));

        _host.TextsTo(Audience.Management).Should().Contain(t => t.StartsWith("SLA breached: INC-1 (Critical)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Downtime_OverdueTimersFireOnceOnStartAndSayHowLate()
    {
        await ReportAsync("sev1");
        _host.Time.Advance(TimeSpan.FromHours(2)); // the host was down: no tick ran

        var first = await _host.TickAsync();
        var second = await _host.TickAsync();

        first.Fired.Should().Be(2); // the L1 reminder and the L1 timeout to L2, each once; L2's own window starts now
        second.Fired.Should().Be(0);
        (await _host.IncidentAsync(1)).LevelId.Should().Be("L2");
        _host.TextsTo(Audience.Person, "chen").Should().ContainSingle(t => t.Contains("late: it was due at", StringComparison.Ordinal));
    }

    private Task ReportAsync(string severity) =>
        _host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", severity));
}
