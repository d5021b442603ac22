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
        await _store.Desk.ReportAsync(Eve, new IncidentReport("Old incident", "sev3"));
        await using (var db = await _store.OpenAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"incidents\" DROP COLUMN \"NeedsTriage\"");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"schema_version\" WHERE \"Version\" > 2");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"schema_version\" (\"Version\", \"AppliedAt\") SELECT 2, 0 WHERE NOT EXISTS (SELECT 1 FROM \"schema_version\")");
        }

        await _store.NewInitializer().InitializeAsync();
        var desk = _store.NewDesk();
        var triaged = await desk.ReportAsync(Eve, new IncidentReport("New incident"));

        var old = (await desk.ShowAsync(1)).Incident!;
        old.Title.Should().Be("Old incident");
        old.NeedsTriage.Should().BeFalse();
        old.SeverityId.Should().Be("sev3");
        triaged.Incident!.NeedsTriage.Should().BeTrue();
        await using var check = await _store.OpenAsync();
        (await check.SchemaVersions.MaxAsync(s => s.Version)).Should().Be(StorageInitializer.CurrentVersion);
        StorageInitializer.CurrentVersion.Should().Be(3);
    }
}
