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
        var timeout = (await Store.Desk.TimersOfAsync(1)).Single(t => t.Kind == TimerKind.AckTimeout);
        await Store.Desk.UpdateAsync(Actor.Person("dana", "Dana"), 1, "Looking into it");

        var result = await Store.Desk.FireTimerAsync(timeout.Id);

        result.Should().BeOneOf(TimerResult.Stale, TimerResult.Gone);
        (await Store.Desk.ShowAsync(1)).Incident!.Level.Should().Be(1);
    }

    [Fact]
    public async Task FireTimer_AckTimeout_EscalatesAndPlansTheNextLevel()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        var timeout = (await Store.Desk.TimersOfAsync(1)).Single(t => t.Kind == TimerKind.AckTimeout);
        Store.Time.SetUtcNow(timeout.DueAt);

        var result = await Store.Desk.FireTimerAsync(timeout.Id);

        result.Should().Be(TimerResult.Fired);
        var incident = (await Store.Desk.ShowAsync(1)).Incident!;
        incident.LevelId.Should().Be("L2");
        var next = (await Store.Desk.TimersOfAsync(1)).Single(t => t.Kind == TimerKind.AckTimeout);
        next.DueAt.Should().Be(timeout.DueAt + TimeSpan.FromMinutes(15));
        next.IncidentVersion.Should().Be(incident.Version);
    }

    [Fact]
    public async Task FireTimer_Twice_HasEffectOnce()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        var timeout = (await Store.Desk.TimersOfAsync(1)).Single(t => t.Kind == TimerKind.AckTimeout);

        var first = await Store.Desk.FireTimerAsync(timeout.Id);
        var second = await Store.Desk.FireTimerAsync(timeout.Id);

        first.Should().Be(TimerResult.Fired);
        second.Should().Be(TimerResult.Gone);
        (await Store.Desk.ShowAsync(1)).Incident!.LevelId.Should().Be("L2");
    }

    [Fact]
    public async Task ChangeSeverity_ReplansTheResolveDeadline()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Search slow", "sev2"));
        var before = (await Store.Desk.TimersOfAsync(1)).Single(t => t.Kind == TimerKind.ResolveBreach);

        await Store.Desk.ChangeSeverityAsync(Ana, 1, "sev1");

        var after = (await Store.Desk.TimersOfAsync(1)).Single(t => t.Kind == TimerKind.ResolveBreach);
        before.DueAt.Should().Be(TestStore.Start + TimeSpan.FromHours(8));
        after.DueAt.Should().Be(TestStore.Start + TimeSpan.FromHours(4));
        after.IncidentVersion.Should().BeGreaterThan(before.IncidentVersion);
    }

    [Fact]
    public async Task Acknowledge_StopsTheAcknowledgeTimersAndStartsTheUpdateClock()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));

        await Store.Desk.AcknowledgeAsync(Ana, 1);

        var kinds = (await Store.Desk.TimersOfAsync(1)).Select(t => t.Kind).ToList();
        kinds.Should().NotContain([TimerKind.AckReminder, TimerKind.AckTimeout]);
        kinds.Should().Contain(TimerKind.UpdateDue);
    }
}
