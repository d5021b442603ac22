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
    public async Task Initialize_RecordsTheSchemaVersion()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        await using var db = await store.OpenAsync();

        var versions = await db.SchemaVersions.Select(s => s.Version).ToListAsync();

        versions.Should().ContainSingle().Which.Should().Be(StorageInitializer.CurrentVersion);
    }
}
