using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

/// <summary>A claimed row is handed to its handler as it was read; a second host holding the same row finds it gone.</summary>
public sealed class ClaimedTimerTests : SqliteStoreTest
{
    [Fact]
    public async Task IncidentTimer_FiredTwiceFromTheSameClaimedRow_FiresOnce_ThenIsGone()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("DB down", "sev2"));
        var claimed = (await Store.Desk.TimersOfAsync(1)).Single();
        Store.Time.SetUtcNow(claimed.DueAt);

        var first = await Store.Desk.FireTimerAsync(claimed);
        var second = await Store.Desk.FireTimerAsync(claimed);

        first.Should().Be(TimerResult.Fired);
        second.Should().Be(TimerResult.Gone);
        (await Store.Desk.TimersOfAsync(1)).Should().ContainSingle().Which.Id.Should().NotBe(claimed.Id);
    }

    [Fact]
    public async Task SummaryTimer_FiredTwiceFromTheSameClaimedRow_PostsOnce_ThenIsGone()
    {
        await Store.Desk.EnsureSummaryTimersAsync();
        var daily = (await Store.Desk.TimersOfAsync(TimerSubject.Summary, 0)).Single(t => t.Kind == TimerKind.SummaryDaily);
        Store.Time.SetUtcNow(daily.DueAt);

        var first = await Store.Desk.FireTimerAsync(daily);
        var second = await Store.Desk.FireTimerAsync(daily);

        first.Should().Be(TimerResult.Fired);
        second.Should().Be(TimerResult.Gone);
        await using var db = await Store.OpenAsync();
        (await db.Outbox.CountAsync(o => o.Audience == Audience.Management)).Should().Be(1);
        var planned = await Store.Desk.TimersOfAsync(TimerSubject.Summary, 0);
        planned.Select(t => t.Kind).Should().BeEquivalentTo([TimerKind.SummaryDaily, TimerKind.SummaryWeekly]);
        planned.Single(t => t.Kind == TimerKind.SummaryDaily).DueAt.Should().Be(daily.DueAt.AddDays(1));
    }
}
