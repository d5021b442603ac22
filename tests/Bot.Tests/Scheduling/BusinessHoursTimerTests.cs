using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Scheduling;

/// <summary>sev3 runs on business hours (Mon-Fri 09:00-18:00, Asia/Kolkata) in the shipped plan.</summary>
public sealed class BusinessHoursTimerTests : IAsyncLifetime
{
    // Friday 2026-03-06 17:00 in Kolkata (+05:30).
    private static readonly DateTimeOffset FridayEvening = new(2026, 3, 6, 11, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTen = new(2026, 3, 9, 4, 30, 0, TimeSpan.Zero);
    private TimedHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new TimedHost(FridayEvening);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Weekend_NothingFiresAndTheDeadlinesMoveToMonday()
    {
        await _host.Desk.ReportAsync(Actor.Employee("local:eve", "Eve"), new IncidentReport("Export slow", "sev3"));

        await _host.AdvanceAsync(TimeSpan.FromHours(19)); // Saturday 12:00
        await _host.AdvanceAsync(TimeSpan.FromDays(1));
        _host.Time.SetUtcNow(MondayTen - TimeSpan.FromMinutes(1));
        await _host.TickAsync();
        var beforeReminder = await TimerActionsAsync();
        _host.Time.SetUtcNow(MondayTen);
        await _host.TickAsync();
        var afterReminder = await TimerActionsAsync();
        var incident = await _host.IncidentAsync(1);
        _host.Time.SetUtcNow(MondayTen + TimeSpan.FromHours(2)); // Monday 12:00: 1h on Friday + 3h on Monday
        await _host.TickAsync();

        beforeReminder.Should().BeEmpty();
        afterReminder.Should().Equal("ack-reminder");
        incident.AcknowledgeBy.Should().Be(MondayTen + TimeSpan.FromHours(2));
        (await TimerActionsAsync()).Should().Equal("ack-reminder", "escalated");
        (await _host.IncidentAsync(1)).LevelId.Should().Be("L2");
    }

    private async Task<IReadOnlyList<string>> TimerActionsAsync() =>
        (await _host.Desk.TimelineAsync(1))!.Value.Entries.Where(e => e.ActorId == Actor.Timer.Id).Select(e => e.Action).ToList();

    [Fact]
    public async Task OverdueOutOfHours_IsPostponedToTheNextOpening()
    {
        await _host.Desk.ReportAsync(Actor.Employee("local:eve", "Eve"), new IncidentReport("Export slow", "sev3"));
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero)); // the host was down until Monday 19:30, after hours

        var late = await _host.TickAsync();
        var afterHours = await TimerActionsAsync();
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 3, 30, 0, TimeSpan.Zero)); // Tuesday 09:00
        await _host.TickAsync();

        late.Postponed.Should().BeGreaterThan(0);
        afterHours.Should().BeEmpty();
        (await TimerActionsAsync()).Should().Contain("escalated");
        _host.TextsTo(Audience.Person, "chen").Should().ContainSingle(t => t.StartsWith("You are paged for INC-1", StringComparison.Ordinal));
    }
}
