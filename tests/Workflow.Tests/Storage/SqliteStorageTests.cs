using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

public sealed class SqliteStorageTests
{
    [Fact]
    public async Task Initialize_OnAnExistingDatabase_KeepsItsData()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await store.Desk.ReportAsync(Actor.Employee("e", "Eve"), new IncidentReport("Disk full", "sev3"));

        await store.NewInitializer().InitializeAsync();

        var incident = (await store.NewDesk().ShowAsync(1)).Incident!;
        incident.Title.Should().Be("Disk full");
        incident.State.Should().Be(IncidentState.Reported);
    }

    [Fact]
    public async Task Initialize_Sqlite_UsesWriteAheadLogging()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await using var db = await store.OpenAsync();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        mode.Should().ContainSingle().Which.Should().Be("wal");
    }

    [Fact]
    public async Task Initialize_RecordsTheMigrationsItApplied()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await using var db = store.OpenForMigrations();

        var applied = await db.Database.GetAppliedMigrationsAsync();

        applied.Should().Equal(db.Database.GetMigrations());
    }

    [Fact]
    public async Task Initialize_OnADatabaseFromAnOlderBuild_AddsTheMissingTablesAndKeepsTheData()
    {
        await using var store = await TestStore.FromSchema3Async(StorageProvider.Sqlite);
        await using (var db = await store.OpenAsync())
            await db.Database.ExecuteSqlRawAsync("DROP TABLE outbox_deliveries; DROP INDEX IX_timers_DueAt;");

        await store.NewInitializer().InitializeAsync();

        await using var after = await store.OpenAsync();
        (await after.OutboxDeliveries.CountAsync()).Should().Be(0);
        var indexes = await after.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND name = 'IX_timers_DueAt'").ToListAsync();
        indexes.Should().ContainSingle();
        (await store.NewDesk().ShowAsync(2)).Incident!.Title.Should().Be("Disk full on db-2");
    }
}
