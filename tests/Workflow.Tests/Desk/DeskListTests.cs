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
    public async Task ListOpen_MixedStatesAndAStrictLimit_ShowsTheMostUrgentNewestAcrossStates()
    {
        foreach (var severity in new[] { "sev2", "sev1", "sev2", "sev1", "sev2" })
            await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Outage", severity));
        await Store.Desk.AcknowledgeAsync(People.Ana, 5);
        await Store.Desk.MitigateAsync(People.Ana, 2, "rolled back");
        await Store.Desk.ResolveAsync(People.Ana, 3, "fixed");

        var list = await Store.Desk.ListAsync(IncidentFilter.Open, People.Eve, limit: 3);

        list.Total.Should().Be(4);
        list.Shown.Select(i => i.Id + " " + i.State).Should().Equal("INC-4 Reported", "INC-2 Mitigated", "INC-5 Acknowledged");
    }

    [Fact]
    public async Task ListOpen_MoreThanOneQuerySorts_PagesBySeverityAndStateInTheSameOrder()
    {
        var severities = new[] { "sev3", "sev1", "sev4", "sev2", "sev1" };
        const int count = 620; // more than 500 stay open, past what one sorting query serves
        for (var n = 1; n <= count; n++)
            await Store.Desk.ReportAsync(People.Eve, new IncidentReport($"Outage {n}", severities[n % severities.Length]));
        for (var n = 2; n <= count; n += 7)
            await Store.Desk.AcknowledgeAsync(People.Ana, n);
        for (var n = 3; n <= count; n += 11)
            await Store.Desk.ResolveAsync(People.Ana, n, "fixed");
        var resolved = Enumerable.Range(0, count).Select(k => 3 + 11 * k).TakeWhile(n => n <= count).ToHashSet();
        var rank = Store.Plan.Severities.Select((s, k) => (s.Id, k)).ToDictionary(x => x.Id, x => x.k);
        var expected = Enumerable.Range(1, count).Where(n => !resolved.Contains(n))
            .OrderBy(n => rank[severities[n % severities.Length]]).ThenByDescending(n => n).Take(50).Select(n => $"INC-{n}").ToList();

        var list = await Store.Desk.ListAsync(IncidentFilter.Open, People.Eve, limit: 50);

        list.Total.Should().Be(count - resolved.Count);
        list.Shown.Select(i => i.Id).Should().Equal(expected);
    }

    [Fact]
    public async Task ListOpen_WithAViewCache_AnswersTheViewsTheDeskCommittedAndReadsOnlyTheOthers()
    {
        var cache = new IncidentViewCache();
        var desk = Store.NewDesk(cache);
        await desk.ReportAsync(People.Eve, new IncidentReport("Checkout fails", "sev2"));
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Search is slow", "sev3")); // not through the cached desk
        await using (var db = await Store.OpenAsync())
            await db.Database.ExecuteSqlRawAsync("UPDATE incidents SET \"Title\" = 'changed behind the desk'");

        var list = await desk.ListAsync(IncidentFilter.Open, People.Eve);

        list.Shown.Select(i => $"{i.Id} {i.Title}").Should().Equal("INC-1 Checkout fails", "INC-2 changed behind the desk");
        cache.Count.Should().Be(2);
    }

    [Fact]
    public async Task ListOpen_WithAViewCache_ShowsTheSameViewsAsAListThatReadsThemAll()
    {
        var desk = Store.NewDesk(new IncidentViewCache());
        foreach (var severity in new string?[] { "sev3", "sev1", "sev4", "sev2", "sev3", null })
            await desk.ReportAsync(People.Eve, new IncidentReport("Outage", severity));
        await desk.AcknowledgeAsync(People.Ana, 2);
        await desk.MitigateAsync(People.Ana, 4, "rolled back");
        await desk.ResolveAsync(People.Ana, 5, "fixed");
        await desk.ListAsync(IncidentFilter.Open, People.Eve); // fills the cache with what it had not committed
        Store.Time.Advance(TimeSpan.FromHours(3));

        var cached = await desk.ListAsync(IncidentFilter.Open, People.Eve);
        var read = await Store.Desk.ListAsync(IncidentFilter.Open, People.Eve);

        cached.Total.Should().Be(read.Total);
        cached.Shown.Select(Describe).Should().Equal(read.Shown.Select(Describe));
    }

    [Fact]
    public async Task ListOpen_WithAViewCache_CountsAgainOnlyAfterAChangeWasCommitted()
    {
        var desk = Store.NewDesk(new IncidentViewCache());
        for (var n = 1; n <= 3; n++)
            await desk.ReportAsync(People.Eve, new IncidentReport($"Outage {n}", "sev2"));
        (await desk.ListAsync(IncidentFilter.Open, People.Eve)).Total.Should().Be(3);
        await using (var db = await Store.OpenAsync())
            await db.Database.ExecuteSqlRawAsync("UPDATE incidents SET \"State\" = 'Resolved' WHERE \"Number\" = 3"); // behind the desk's back

        var unchanged = await desk.ListAsync(IncidentFilter.Open, People.Eve);
        await desk.ResolveAsync(People.Ana, 1, "fixed");
        var changed = await desk.ListAsync(IncidentFilter.Open, People.Eve);

        unchanged.Total.Should().Be(3);
        changed.Total.Should().Be(1);
        changed.Shown.Select(i => i.Id).Should().Equal("INC-2");
    }

    [Fact]
    public async Task ListOpen_WithAViewCache_CountsWhatTheAskerMayNotSeeAgainOnlyAfterAChangeWasCommitted()
    {
        var desk = Store.NewDesk(new IncidentViewCache());
        var zed = Actor.Employee("slack:U09ZED", "Zed");
        await desk.ReportAsync(People.Eve, new IncidentReport("Outage 1", "sev2"));
        await desk.ReportAsync(People.Eve, new IncidentReport("Outage 2", "sev2"));
        await desk.ReportAsync(People.Eve, new IncidentReport("Keys leaked", "sev2", Private: true));
        (await desk.ListAsync(IncidentFilter.Open, zed)).Total.Should().Be(2);
        await using (var db = await Store.OpenAsync())
            await db.Database.ExecuteSqlRawAsync("UPDATE incidents SET \"IsPrivate\" = 0 WHERE \"Number\" = 3"); // behind the desk's back

        var unchanged = await desk.ListAsync(IncidentFilter.Open, zed);
        await desk.ResolveAsync(People.Ana, 1, "fixed");
        var changed = await desk.ListAsync(IncidentFilter.Open, zed);

        unchanged.Total.Should().Be(2);
        changed.Total.Should().Be(2);
        changed.Shown.Select(i => i.Id).Should().Equal("INC-3", "INC-2");
    }

    private static string Describe(IncidentView i) =>
        $"{i.Id} {i.SeverityLabel} {i.State} L{i.Level} v{i.Version} ack {i.AcknowledgeBy:O} update {i.NextUpdateBy:O} resolve {i.ResolveBy:O} " +
        $"paged {string.Join(',', i.Paged.Select(p => p.Id))} choices {string.Join(',', i.SeverityChoices.Select(c => c.Id))}";

    [Fact]
    public async Task ListOpen_PageQuery_IsServedByTheStateSeverityNumberIndexWithoutSorting()
    {
        await using var db = await Store.OpenAsync();
        var page = db.Incidents.AsNoTracking()
            .Where(i => i.SeverityId == "sev1" && i.State == IncidentState.Reported).OrderByDescending(i => i.Number).Take(50);
        // The query as EF sends it, less the parameter values it prints first (EXPLAIN leaves them unbound).
        var sql = string.Join('\n', page.ToQueryString().Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using (var rows = await explain.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
                plan.Add(rows.GetString(3));
        }

        plan.Should().Equal("SEARCH i USING INDEX IX_incidents_State_SeverityId_Number (State=? AND SeverityId=?)");
    }

    [Fact]
    public async Task ListOpen_CountsOfDrillsAndHiddenPrivateIncidents_AreIndexLookups()
    {
        var counter = new CommandCounter();
        var desk = Store.NewDesk(new IncidentViewCache(), factory: Store.FactoryWith(counter));
        await desk.ReportAsync(People.Eve, new IncidentReport("Outage", "sev2"));

        await counter.Measure("list", () => desk.ListAsync(IncidentFilter.Open, Actor.Employee("slack:U09ZED", "Zed")));

        await using var db = await Store.OpenAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var plans = new List<string>();
        foreach (var count in counter.Sent.Where(sql => sql.Contains("COUNT(*)", StringComparison.Ordinal)))
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + count;
            await using var rows = await explain.ExecuteReaderAsync();
            while (await rows.ReadAsync())
                plans.Add(rows.GetString(3));
        }

        plans.Should().Equal(
            "SEARCH incidents USING COVERING INDEX IX_incidents_IsDrill_State (IsDrill=? AND State=?)",
            "SEARCH incidents USING INDEX IX_incidents_IsPrivate_State (IsPrivate=? AND State=?)",
            "SEARCH i USING COVERING INDEX IX_incidents_State (State=?)");
    }

    [Fact]
    public async Task Schema_HasPartialIndexesForTheNewestFinished()
    {
        await using var db = await Store.OpenAsync();

        var indexes = await db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND sql LIKE '%IS NOT NULL%'").ToListAsync();

        indexes.Should().HaveCount(2);
    }
}
