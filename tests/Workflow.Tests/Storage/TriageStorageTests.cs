using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Plan;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

public sealed class TriageStorageTests : IAsyncLifetime
{
    private static readonly Actor Eve = Actor.Employee("slack:U01EVE", "Eve");
    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync(StorageProvider.Sqlite, SeverityWordsTests.PlanWithAliases());

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Report_NeedingTriage_IsStoredByTheFastWriterAndByEf()
    {
        await _store.Desk.ReportAsync(Eve, new IncidentReport("Filed by the SQLite writer"));
        var efDesk = _store.NewDesk(gate: new WriteGate(false)); // nothing queued: each report through EF
        await efDesk.ReportAsync(Eve, new IncidentReport("Filed through EF"));
        await efDesk.ReportAsync(Eve, new IncidentReport("Filed through EF", "sev2"));

        await using var db = await _store.OpenAsync();
        var stored = await db.Database.SqlQueryRaw<long>("SELECT \"NeedsTriage\" AS \"Value\" FROM \"incidents\" ORDER BY \"Number\"").ToListAsync();
        stored.Should().Equal(1, 1, 0);
        (await _store.Desk.ShowAsync(1)).Incident!.NeedsTriage.Should().BeTrue();
    }

    [Fact]
    public async Task Start_OnADatabaseFromBeforeTriage_AddsTheColumnAndKeepsTheIncidents()
    {
        await using var store = await TestStore.FromSchema3Async(StorageProvider.Sqlite, SeverityWordsTests.PlanWithAliases());
        await using (var db = await store.OpenAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"incidents\" DROP COLUMN \"NeedsTriage\"");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"schema_version\" SET \"Version\" = 2");
        }

        await store.NewInitializer().InitializeAsync();
        var triaged = await store.Desk.ReportAsync(Eve, new IncidentReport("New incident"));

        var old = (await store.Desk.ShowAsync(2)).Incident!;
        old.Title.Should().Be("Disk full on db-2");
        old.NeedsTriage.Should().BeFalse();
        old.SeverityId.Should().Be("sev3");
        triaged.Incident!.NeedsTriage.Should().BeTrue();
        await using var check = store.OpenForMigrations();
        (await check.Database.GetAppliedMigrationsAsync()).Should().Equal(check.Database.GetMigrations());
    }
}
