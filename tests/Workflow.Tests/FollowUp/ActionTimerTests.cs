using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.FollowUp;

public sealed class ActionTimerTests : SqliteStoreTest
{
    [Fact]
    public async Task Reminder_FiresOnceToTheOwner_WithTheActionForItsDoneButton()
    {
        var reminder = await AddActionDueIn5DaysAsync(TimerKind.ActionReminder);
        Store.Time.SetUtcNow(reminder.DueAt);

        var first = await Store.NewDesk().FireTimerAsync(reminder.Id); // another host, after a restart
        var second = await Store.Desk.FireTimerAsync(reminder.Id);

        first.Should().Be(TimerResult.Fired);
        second.Should().Be(TimerResult.Gone);
        var sent = await ActionNoticesAsync();
        sent.Should().Equal((NoticeKind.ActionReminder, Audience.Person, "chen", 1, 1,
            "Reminder: INC-1 #1 (Checkout down) is due Sat 7 Mar 09:30 (Asia/Kolkata): Add disk alerts. Press Done when it is done, or drop it with /incident action drop INC-1 1 <reason>."));
    }

    [Fact]
    public async Task Overdue_OnAWeekend_WaitsForTheNextOpeningThenNudgesOnce()
    {
        var overdue = await AddActionDueIn5DaysAsync(TimerKind.ActionOverdue);
        Store.Time.SetUtcNow(overdue.DueAt); // Saturday 09:30 in Kolkata

        var weekend = await Store.Desk.FireTimerAsync(overdue.Id);
        var moved = (await TimersAsync()).Single(t => t.Kind == TimerKind.ActionOverdue);
        Store.Time.SetUtcNow(moved.DueAt);
        var monday = await Store.Desk.FireTimerAsync(overdue.Id);

        weekend.Should().Be(TimerResult.Postponed);
        moved.DueAt.Should().Be(new DateTimeOffset(2026, 3, 9, 3, 30, 0, TimeSpan.Zero)); // Monday 09:00 in Kolkata
        monday.Should().Be(TimerResult.Fired);
        (await ActionNoticesAsync()).Select(n => n.Text).Should().Equal(
            "INC-1 #1 (Checkout down) is overdue: it was due Sat 7 Mar 09:30 (Asia/Kolkata). Add disk alerts. Press Done when it is done, give it a new date with /incident action set INC-1 1 due <date>, or drop it with /incident action drop INC-1 1 <reason>.");
        (await TimersAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Done_RemovesTheActionsTimers()
    {
        await AddActionDueIn5DaysAsync(TimerKind.ActionReminder);

        await Store.Desk.CompleteActionAsync(Chen, 1, 1);

        (await TimersAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Reminder_PlannedBeforeTheActionWasRedated_IsStale()
    {
        var reminder = await AddActionDueIn5DaysAsync(TimerKind.ActionReminder);
        await Store.Desk.SetActionAsync(Ana, 1, 1, null, "10d");
        var stale = await CopyOfAsync(reminder);
        Store.Time.SetUtcNow(reminder.DueAt);

        var result = await Store.Desk.FireTimerAsync(stale.Id);

        result.Should().Be(TimerResult.Stale);
        (await ActionNoticesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Reminder_WritesOnTheIncidentsTimeline()
    {
        var reminder = await AddActionDueIn5DaysAsync(TimerKind.ActionReminder);
        Store.Time.SetUtcNow(reminder.DueAt);

        await Store.Desk.FireTimerAsync(reminder.Id);

        var last = (await Store.Desk.TimelineAsync(1))!.Value.Entries[^1];
        (last.ActorName, last.Action, last.Text).Should().Be(("IncidentBot", "action-reminder", "Reminded Chen that INC-1 #1 is due soon."));
    }

    // Monday 09:30 in Kolkata: due Saturday 09:30, reminded Friday 09:30.
    private async Task<IncidentTimer> AddActionDueIn5DaysAsync(TimerKind kind)
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev1"));
        await Store.Desk.AddActionAsync(Ana, 1, "Add disk alerts", "chen", "5d");
        await using var db = await Store.OpenAsync();
        db.Outbox.RemoveRange(db.Outbox);
        await db.SaveChangesAsync();
        return (await TimersAsync()).Single(t => t.Kind == kind);
    }

    private async Task<IReadOnlyList<IncidentTimer>> TimersAsync()
    {
        await using var db = await Store.OpenAsync();
        return await db.Timers.AsNoTracking().Where(t => t.Subject == TimerSubject.Action).OrderBy(t => t.DueAt).ToListAsync();
    }

    // A row as another replica would still hold it after the action changed: same subject, kind and old version.
    private async Task<IncidentTimer> CopyOfAsync(IncidentTimer timer)
    {
        await using var db = await Store.OpenAsync();
        var copy = IncidentTimer.ForAction(timer.SubjectId, timer.Kind, timer.DueAt, timer.SubjectVersion);
        db.Timers.Remove(await db.Timers.SingleAsync(t => t.Subject == TimerSubject.Action && t.Kind == timer.Kind));
        db.Timers.Add(copy);
        await db.SaveChangesAsync();
        return copy;
    }

    private async Task<List<(NoticeKind Kind, Audience Audience, string? PersonId, int? Incident, int? Action, string Text)>> ActionNoticesAsync()
    {
        await using var db = await Store.OpenAsync();
        var rows = await db.Outbox.AsNoTracking().Where(o => o.Kind == NoticeKind.ActionReminder).OrderBy(o => o.Id).ToListAsync();
        return rows.Select(o => (o.Kind, o.Audience, o.PersonId, o.IncidentNumber, o.ActionNumber, o.Text)).ToList();
    }
}
