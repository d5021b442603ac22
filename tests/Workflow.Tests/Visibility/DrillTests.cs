using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Reports;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Visibility;

/// <summary>Drills through the Desk: the ladder runs as for real, nothing is announced, the figures leave them out.</summary>
public sealed class DrillTests : SqliteStoreTest
{
    [Fact]
    public async Task Drill_PostsNothingToAnnounceAndPagesTheFirstLevel()
    {
        await Store.Desk.ReportAsync(People.Dana, new IncidentReport("Database failover practice", "sev2", Drill: true));

        (await OutboxAsync()).Should().Equal(
            "Card Incident : Dana reported INC-1 (High): Database failover practice",
            "Page Person ana: You are paged for INC-1 (High): Database failover practice. Acknowledge within 30m.",
            "Page Person ben: You are paged for INC-1 (High): Database failover practice. Acknowledge within 30m.");
    }

    [Fact]
    public async Task Drill_AnswerSaysItIsADrill()
    {
        var result = await Store.Desk.ReportAsync(People.Dana, new IncidentReport("Database failover practice", "sev2", Drill: true));

        result.Message.Should().Be("INC-1 reported: Database failover practice. Filed as sev2 (High), as chosen. Not right? /incident sev INC-1 <sev1..sev4>\n"
            + "This is a drill: nothing goes to the announce channel and it stays out of the SLA figures; the ladder and its timers run as for real.");
    }

    [Fact]
    public async Task Drill_RunsItsTimersAsForReal()
    {
        await Store.Desk.ReportAsync(People.Dana, new IncidentReport("Database failover practice", "sev2", Drill: true));

        var timers = await Store.Desk.TimersOfAsync(1);

        timers.Should().ContainSingle().Which.DueAt.Should().Be(Store.Time.GetUtcNow().AddMinutes(15));
    }

    [Fact]
    public async Task Lists_OpenLeavesDrillsOutAndDrillsShowsOnlyThem()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Checkout slow", "sev2"));
        await Store.Desk.ReportAsync(People.Dana, new IncidentReport("Database failover practice", "sev2", Drill: true));

        var open = await Store.Desk.ListAsync(IncidentFilter.Open, People.Ana);
        var mine = await Store.Desk.ListAsync(IncidentFilter.Mine, People.Dana);
        var drills = await Store.Desk.ListAsync(IncidentFilter.Drills, People.Ana);

        open.Shown.Select(i => i.Id).Should().Equal("INC-1");
        open.Total.Should().Be(1);
        mine.Total.Should().Be(0);
        drills.Shown.Select(i => i.Id).Should().Equal("INC-2");
        drills.Total.Should().Be(1);
    }

    [Fact]
    public async Task Summary_LeavesDrillsOutOfTheFiguresAndReportsThemApart()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Checkout slow", "sev2"));
        await Store.Desk.ReportAsync(People.Dana, new IncidentReport("Database failover practice", "sev2", Drill: true));
        Store.Time.Advance(TimeSpan.FromMinutes(5));
        await Store.Desk.AcknowledgeAsync(People.Ana, 1);
        await Store.Desk.EscalateAsync(People.Ben, 2, "practising the ladder");
        Store.Time.Advance(TimeSpan.FromMinutes(2));
        await Store.Desk.AcknowledgeAsync(People.Chen, 2);
        await Store.Desk.ResolveAsync(People.Chen, 2, "Failed over to the replica");
        Store.Time.Advance(TimeSpan.FromMinutes(1));

        var summary = await new SummaryReporter(Store.Factory, Store.Plan, Store.Time).BuildAsync(ReportPeriod.Day);

        summary.Total.Opened.Should().Be(1);
        summary.Mtta.Should().Be(new DurationStats(1, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)));
        summary.Drills.Run.Should().Equal(new IncidentRef(2, "Database failover practice", "sev2"));
        summary.Drills.Levels.Should().Equal(
            new DrillLevel("L1", "Support on-call", 1, DurationStats.None),
            new DrillLevel("L2", "Engineering on-call", 1, new DurationStats(1, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2))));
        summary.Drills.People.Should().Equal("Dana", "Ben", "Chen");
        SummaryText.Render(summary).Split('\n')[^4..].Should().Equal(
            "Drills (1, not in the figures above): INC-2 Database failover practice (sev2)",
            "  L1 Support on-call: paged 1 · acknowledged 0",
            "  L2 Engineering on-call: paged 1 · acknowledged 1, median 2m · p90 2m",
            "  Took part: Dana, Ben, Chen");
    }

    [Fact]
    public async Task Summary_NamesAPrivateIncidentWithoutItsTitle()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Keys leaked", "sev1", Private: true));
        await Store.Desk.ResolveAsync(People.Ana, 1, "Rotated the keys");
        await Store.Desk.CloseAsync(People.Ana, 1);
        Store.Time.Advance(TimeSpan.FromMinutes(1));

        var summary = await new SummaryReporter(Store.Factory, Store.Plan, Store.Time).BuildAsync(ReportPeriod.Day);

        summary.Total.Opened.Should().Be(1);
        summary.PendingRcas.Should().ContainSingle().Which.Incident.Should().Be(new IncidentRef(1, "(private)", "sev1"));
        SummaryText.Render(summary).Split('\n').Single(l => l.StartsWith("RCAs pending", StringComparison.Ordinal))
            .Should().Be("RCAs pending (1): INC-1 (private) (sev1) waiting 1m");
    }

    private async Task<List<string>> OutboxAsync()
    {
        await using var db = await Store.OpenAsync();
        return await db.Outbox.OrderBy(o => o.Id).Select(o => $"{o.Kind} {o.Audience} {o.PersonId}: {o.Text}").ToListAsync();
    }
}
