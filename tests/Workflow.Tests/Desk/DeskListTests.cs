using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

public sealed class DeskListTests : SqliteStoreTest
{
    [Fact]
    public async Task ListOpen_CountsAllAndReturnsAPageMostUrgentFirstThenNewest()
    {
        foreach (var severity in new[] { "sev3", "sev1", "sev4", "sev1", "sev2" })
            await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Outage", severity));

        var list = await Store.Desk.ListAsync(IncidentFilter.Open, People.Eve, limit: 3);

        list.Total.Should().Be(5);
        list.Shown.Select(i => i.Id).Should().Equal("INC-4", "INC-2", "INC-5");
    }

    [Fact]
    public async Task ListClosed_CountsFinishedIncidentsAndReturnsTheMostRecentlyFinished()
    {
        for (var n = 1; n <= 4; n++)
            await Store.Desk.ReportAsync(People.Eve, new IncidentReport($"Outage {n}", "sev3"));
        await Store.Desk.ResolveAsync(People.Ana, 1, "fixed");
        Store.Time.Advance(TimeSpan.FromMinutes(1));
        await Store.Desk.CancelAsync(People.Ana, 2, "duplicate of INC-1");
        Store.Time.Advance(TimeSpan.FromMinutes(1));
        await Store.Desk.CloseAsync(People.Ana, 1);
        await Store.Desk.ResolveAsync(People.Ana, 3, "fixed");

        var list = await Store.Desk.ListAsync(IncidentFilter.Closed, People.Eve);

        list.Total.Should().Be(2);
        list.Shown.Select(i => i.Id).Should().Equal("INC-1", "INC-2");
    }

    [Fact]
    public async Task Schema_HasPartialIndexesForTheNewestFinished()
    {
        await using var db = await Store.OpenAsync();

        var indexes = await db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND sql LIKE '%IS NOT NULL%'").ToListAsync();

        indexes.Should().HaveCount(2);
    }
}
