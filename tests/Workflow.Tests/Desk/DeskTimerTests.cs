using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

public sealed class DeskTimerTests : SqliteStoreTest
{
    private static readonly Actor Eve = Actor.Employee("slack:U01EVE", "Eve");
    private static readonly Actor Ana = Actor.Person("ana", "Ana");

    [Fact]
    public async Task FireTimer_PlannedForAnOlderVersion_IsDroppedAsStale()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        var current = (await Store.Desk.ShowAsync(1)).Incident!.Version;
        var stale = new IncidentTimer(1, TimerKind.RcaDue, TestStore.Start, current - 1);
        await using (var db = await Store.OpenAsync())
        {
            db.Timers.Add(stale);
            await db.SaveChangesAsync();
        }

        var result = await Store.Desk.FireTimerAsync(stale.Id);

        result.Should().Be(TimerResult.Stale);
        (await Store.Desk.ShowAsync(1)).Incident!.Level.Should().Be(1);
        (await Store.Desk.TimersOfAsync(1)).Should().NotContain(t => t.Id == stale.Id);
    }

    [Fact]
    public async Task FireTimer_WhoseIncidentMovedOn_HasNoEffect()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        var reminder = (await Store.Desk.TimersOfAsync(1)).Single();
        await Store.Desk.UpdateAsync(Actor.Person("dana", "Dana"), 1, "Looking into it");

        var result = await Store.Desk.FireTimerAsync(reminder.Id);

        result.Should().BeOneOf(TimerResult.Stale, TimerResult.Gone);
        (await Store.Desk.ShowAsync(1)).Incident!.Level.Should().Be(1);
    }

    [Fact]
    public async Task FireTimer_AckTimeout_EscalatesAndPlansTheNextLevel()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        (await Store.FireNextAsync(1, until: TimerKind.AckReminder)).Should().ContainSingle();
        var timeout = (await Store.Desk.TimersOfAsync(1)).Single();
        timeout.Kind.Should().Be(TimerKind.AckTimeout);
        Store.Time.SetUtcNow(timeout.DueAt);

        var result = await Store.Desk.FireTimerAsync(timeout.Id);

        result.Should().Be(TimerResult.Fired);
        var incident = (await Store.Desk.ShowAsync(1)).Incident!;
        incident.LevelId.Should().Be("L2");
        // L2's reminder comes first (half its 15-minute window), then its timeout.
        var reminder = (await Store.Desk.TimersOfAsync(1)).Single();
        reminder.Kind.Should().Be(TimerKind.AckReminder);
        reminder.DueAt.Should().Be(timeout.DueAt + TimeSpan.FromMinutes(7.5));
        reminder.SubjectVersion.Should().Be(incident.Version);
        (await Store.FireNextAsync(1, until: TimerKind.AckReminder)).Should().ContainSingle();
        (await Store.Desk.TimersOfAsync(1)).Single().Should().Match<IncidentTimer>(t =>
            t.Kind == TimerKind.AckTimeout && t.DueAt == timeout.DueAt + TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task FireTimer_Twice_HasEffectOnce()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        var reminder = (await Store.Desk.TimersOfAsync(1)).Single();

        var first = await Store.Desk.FireTimerAsync(reminder.Id);
        var second = await Store.Desk.FireTimerAsync(reminder.Id);

        first.Should().Be(TimerResult.Fired);
        second.Should().Be(TimerResult.Gone);
        (await Store.Desk.TimelineAsync(1))!.Value.Entries.Count(e => e.Action == "ack-reminder").Should().Be(1);
        (await Store.Desk.TimersOfAsync(1)).Single().Kind.Should().Be(TimerKind.AckTimeout);
    }

    [Fact]
    public async Task ChangeSeverity_ReplansTheResolveDeadline()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Search slow", "sev2"));
        await Store.Desk.AcknowledgeAsync(Ana, 1);
        var before = (await Store.Desk.ShowAsync(1)).Incident!;

        await Store.Desk.ChangeSeverityAsync(Ana, 1, "sev1");

        var after = (await Store.Desk.ShowAsync(1)).Incident!;
        before.ResolveBy.Should().Be(TestStore.Start + TimeSpan.FromHours(8));
        after.ResolveBy.Should().Be(TestStore.Start + TimeSpan.FromHours(4));
        // The timer row follows: sev1's 30-minute update cadence instead of sev2's hour, and its breach at 4h.
        (await Store.Desk.TimersOfAsync(1)).Single().Should().Match<IncidentTimer>(t =>
            t.Kind == TimerKind.UpdateDue && t.DueAt == TestStore.Start + TimeSpan.FromMinutes(30) && t.SubjectVersion == after.Version);
        var fired = await Store.FireNextAsync(1, until: TimerKind.ResolveBreach);
        fired[^1].DueAt.Should().Be(TestStore.Start + TimeSpan.FromHours(4));
    }

    [Fact]
    public async Task Acknowledge_StopsTheAcknowledgeTimersAndStartsTheUpdateClock()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));

        await Store.Desk.AcknowledgeAsync(Ana, 1);

        (await Store.Desk.TimersOfAsync(1)).Single().Kind.Should().Be(TimerKind.UpdateDue);
    }

    [Fact]
    public async Task Report_StoresOneTimer_TheSoonestDeadline()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));

        var timer = (await Store.Desk.TimersOfAsync(1)).Single();
        timer.Kind.Should().Be(TimerKind.AckReminder);
        timer.DueAt.Should().Be(TestStore.Start + TimeSpan.FromMinutes(7.5));
    }

    [Fact]
    public async Task NextTimers_NobodyAcknowledging_ReachEveryDeadlineInOrder()
    {
        // sev1: acknowledge within 15m per level (management 30m), top paged twice more, resolve warning at 3h, breach at 4h.
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));

        var fired = await Store.FireNextAsync(1, until: TimerKind.ResolveBreach);

        fired.Select(f => f.Kind).Should().Equal(
            TimerKind.AckReminder, TimerKind.AckTimeout,     // L1 -> L2 at 15m
            TimerKind.AckReminder, TimerKind.AckTimeout,     // L2 -> management at 30m
            TimerKind.AckReminder, TimerKind.AckTimeout,     // management paged again at 60m
            TimerKind.AckReminder, TimerKind.AckTimeout,     // and again at 90m
            TimerKind.AckReminder, TimerKind.AckTimeout,     // exhausted at 120m
            TimerKind.ResolveWarning, TimerKind.ResolveBreach);
        fired.Select(f => f.DueAt - TestStore.Start).Should().Equal(
            TimeSpan.FromMinutes(7.5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(22.5), TimeSpan.FromMinutes(30),
            TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(75), TimeSpan.FromMinutes(90),
            TimeSpan.FromMinutes(105), TimeSpan.FromMinutes(120), TimeSpan.FromHours(3), TimeSpan.FromHours(4));
        var actions = (await Store.Desk.TimelineAsync(1))!.Value.Entries.Select(e => e.Action).ToList();
        actions.Should().Contain(["ladder-exhausted", "resolve-warning", "resolve-breach"]);
        (await Store.Desk.TimersOfAsync(1)).Should().BeEmpty();
    }

    [Fact]
    public async Task FireTimer_CurrentButWithoutEffect_LeavesTheNextDeadlineInItsPlace()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        var current = (await Store.Desk.ShowAsync(1)).Incident!.Version;
        var row = (await Store.Desk.TimersOfAsync(1)).Single();
        // A deadline the plan does not have for a Reported incident, stamped with its version in place of the real row.
        var odd = new IncidentTimer(1, TimerKind.RcaDue, TestStore.Start, current);
        await using (var db = await Store.OpenAsync())
        {
            db.Timers.Remove(db.Timers.Single(t => t.Id == row.Id));
            db.Timers.Add(odd);
            await db.SaveChangesAsync();
        }

        var result = await Store.Desk.FireTimerAsync(odd.Id);

        result.Should().Be(TimerResult.NoEffect);
        (await Store.Desk.TimersOfAsync(1)).Single().Should().Match<IncidentTimer>(t =>
            t.Kind == TimerKind.AckReminder && t.DueAt == row.DueAt && t.SubjectVersion == current);
    }

    [Fact]
    public async Task FireTimer_InADatabaseWithARowPerDeadline_LeavesOneRow()
    {
        // Before one row per incident, a report stored a row for each of its four deadlines.
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Search slow", "sev1"));
        foreach (var number in new[] { 1, 2 })
        {
            var version = (await Store.Desk.ShowAsync(number)).Incident!.Version;
            await using var db = await Store.OpenAsync();
            db.Timers.AddRange(
                new IncidentTimer(number, TimerKind.AckTimeout, TestStore.Start + TimeSpan.FromMinutes(15), version),
                new IncidentTimer(number, TimerKind.ResolveWarning, TestStore.Start + TimeSpan.FromHours(3), version),
                new IncidentTimer(number, TimerKind.ResolveBreach, TestStore.Start + TimeSpan.FromHours(4), version));
            await db.SaveChangesAsync();
        }

        // INC-2's reminder is replaced by one the plan does not have for it, which fires without effect.
        var reminder = (await Store.Desk.TimersOfAsync(2)).Single(t => t.Kind == TimerKind.AckReminder);
        var odd = new IncidentTimer(2, TimerKind.RcaDue, TestStore.Start, (await Store.Desk.ShowAsync(2)).Incident!.Version);
        await using (var db = await Store.OpenAsync())
        {
            db.Timers.Remove(db.Timers.Single(t => t.Id == reminder.Id));
            db.Timers.Add(odd);
            await db.SaveChangesAsync();
        }

        Store.Time.SetUtcNow(TestStore.Start + TimeSpan.FromMinutes(7.5));
        (await Store.Desk.FireTimerAsync((await Store.Desk.TimersOfAsync(1)).First().Id)).Should().Be(TimerResult.Fired);
        (await Store.Desk.FireTimerAsync(odd.Id)).Should().Be(TimerResult.NoEffect);

        (await Store.Desk.TimersOfAsync(1)).Should().ContainSingle().Which.Kind.Should().Be(TimerKind.AckTimeout);
        (await Store.Desk.TimersOfAsync(2)).Should().ContainSingle().Which.Kind.Should().Be(TimerKind.AckReminder);
    }
}
