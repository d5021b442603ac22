using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

/// <summary>
/// Start-up migrations: a fresh database gets them all; a database the last build before migrations made
/// (Storage/Fixtures, schema_version 3) is adopted and upgraded in place without losing a row.
/// </summary>
public sealed class MigrationTests
{
    private static readonly Actor Ana = Actor.Person("ana", "Ana");

    [Fact]
    public Task Start_OnAnEmptySqliteDatabase_AppliesEveryMigration() => FreshDatabaseGetsEveryMigrationAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task Start_OnAnEmptyPostgresDatabase_AppliesEveryMigration() => FreshDatabaseGetsEveryMigrationAsync(StorageProvider.Postgres);

    // Start-up skips EF's own comparison of the model with the last migration (it costs over a second); this is it.
    [Fact]
    public void Model_OnEachProvider_IsWhatTheLastMigrationLeaves()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        sqlite.Database.HasPendingModelChanges().Should().BeFalse("a model change needs `dotnet ef migrations add` for SQLite");
        postgres.Database.HasPendingModelChanges().Should().BeFalse("a model change needs `dotnet ef migrations add` for PostgreSQL");
    }

    // The commands run on the compiled model (Storage/CompiledModels); it must say what OnModelCreating says.
    [Fact]
    public void CompiledModel_OnEachProvider_IsWhatOnModelCreatingBuilds()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        CompiledModelDifferences(sqlite).Should().BeEmpty("run `dotnet ef dbcontext optimize` for SQLite (docs/operations.md)");
        CompiledModelDifferences(postgres).Should().BeEmpty("run `dotnet ef dbcontext optimize` for PostgreSQL (docs/operations.md)");
    }

    private static IEnumerable<string> CompiledModelDifferences(IncidentDbContext db)
    {
        db.Model.Should().BeAssignableTo<Microsoft.EntityFrameworkCore.Metadata.RuntimeModel>();
        var built = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        var compiled = Describe(db.Model).ToList();
        var expected = Describe(built).ToList();
        return expected.Except(compiled).Select(d => "missing: " + d).Concat(compiled.Except(expected).Select(d => "extra: " + d)).ToList();
    }

    // Tables, columns, keys and indexes as the database sees them, and each property's CLR type.
    private static IEnumerable<string> Describe(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        foreach (var table in model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns)
                yield return $"{table.Name}.{column.Name} {column.StoreType} {(column.IsNullable ? "null" : "not null")}";
            if (table.PrimaryKey is { } key)
                yield return $"{table.Name} key ({string.Join(", ", key.Columns.Select(c => c.Name))})";
            foreach (var index in table.Indexes)
                yield return $"{table.Name} index {index.Name} ({string.Join(", ", index.Columns.Select(c => c.Name))}){(index.IsUnique ? " unique" : "")} {index.Filter}";
        }

        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                yield return $"{entity.Name}.{property.Name}: {property.ClrType.Name}";
        }
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite, typeof(SqliteIncidentDbContext))]
    [InlineData(StorageProvider.Postgres, typeof(PostgresIncidentDbContext))]
    [InlineData(StorageProvider.InMemory, typeof(IncidentDbContext))]
    public void Commands_UseTheContextTheMigrationsBelongTo_SoTheModelIsBuiltOnce(StorageProvider provider, Type expected)
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-contexts-").FullName;
        var options = new StorageOptions
        {
            Provider = provider,
            DataFolder = folder,
            ConnectionString = provider == StorageProvider.Postgres ? "Host=127.0.0.1;Database=unused" : null,
        };
        using var services = new ServiceCollection().AddLogging().AddIncidentStorage(options).BuildServiceProvider();

        using var db = services.GetRequiredService<IDbContextFactory<IncidentDbContext>>().CreateDbContext();

        db.GetType().Should().Be(expected);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Start_OnASqliteFileFromBeforeMigrations_KeepsEveryRowAndTheBotWorksOnIt()
    {
        await using var store = await TestStore.FromSchema3Async(StorageProvider.Sqlite);

        await store.NewInitializer().InitializeAsync();

        await ShouldHoldEveryRowAndWorkAsync(store);
    }

    [PostgresFact]
    public async Task Start_OnAPostgresDatabaseFromBeforeMigrations_KeepsEveryRowAndTheBotWorksOnIt()
    {
        await using var store = await TestStore.FromSchema3Async(StorageProvider.Postgres);

        await store.NewInitializer().InitializeAsync();

        await ShouldHoldEveryRowAndWorkAsync(store);
    }

    [PostgresFact]
    public async Task Start_TwoReplicasAtOnceOnPostgres_MigrateTheDatabaseOnce()
    {
        await using var store = await TestStore.FromSchema3Async(StorageProvider.Postgres);

        await Task.WhenAll(Task.Run(() => store.NewInitializer().InitializeAsync()), Task.Run(() => store.NewInitializer().InitializeAsync()));

        // Converting the timers twice would have turned the tickets' rows into incidents' rows.
        await using var db = store.OpenForMigrations();
        (await db.Timers.CountAsync(t => t.Subject == TimerSubject.Ticket)).Should().Be(8);
        (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(db.Database.GetMigrations());
        await ShouldHoldEveryRowAndWorkAsync(store);
    }

    [Fact]
    public async Task Start_OnADatabaseMigratedByANewerBuild_RefusesWithOneSentence()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        string latest;
        await using (var db = store.OpenForMigrations())
        {
            latest = db.Database.GetMigrations().Last();
            var history = db.GetService<IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow("99990101000000_FromTheFuture", "99.0.0")));
        }

        var start = () => store.NewInitializer().InitializeAsync();

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be(
            $"The database has schema 99990101000000_FromTheFuture, newer than this build knows ({latest}). Run a newer IncidentBot.");
    }

    [Fact]
    public async Task Start_OnADatabaseFromBeforeMigrationsWithANewerSchemaVersion_RefusesWithOneSentence()
    {
        await using var store = await TestStore.FromSchema3Async(StorageProvider.Sqlite);
        await using (var db = await store.OpenAsync())
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"schema_version\" (\"Version\", \"AppliedAt\") VALUES (5, 0)");

        var start = () => store.NewInitializer().InitializeAsync();

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be(
            "The database has schema 5, newer than this build knows (3). Run a newer IncidentBot.");
    }

    private static async Task FreshDatabaseGetsEveryMigrationAsync(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, initialize: false);

        await store.NewInitializer().InitializeAsync();
        await store.NewInitializer().InitializeAsync(); // a restart finds nothing to do

        await using var db = store.OpenForMigrations();
        var known = db.Database.GetMigrations().ToList();
        known.Select(m => m.Split('_', 2)[1]).Should().Equal("Baseline", "TimerSubjects", "OpenIncidentsBySeverity", "TimerSubjectVersion", "SignedLinkKeys", "PrivateIncidentsAndDrills", "OnCallSchedules", "CorrectiveActions", "AlertGroups");
        (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(known);
        (await db.SchemaVersions.Select(s => s.Version).ToListAsync()).Should().Equal(4);
        (await store.Desk.ReportAsync(Ana, new IncidentReport("Disk full", "sev3"))).Status.Should().Be(DeskStatus.Done);
        (await store.Desk.TimersOfAsync(1)).Should().ContainSingle().Which.Subject.Should().Be(TimerSubject.Incident);
    }

    private static async Task ShouldHoldEveryRowAndWorkAsync(TestStore store)
    {
        await using (var db = store.OpenForMigrations())
        {
            (await db.Incidents.OrderBy(i => i.Number).Select(i => i.State).ToListAsync()).Should().Equal(
                IncidentState.Resolved, IncidentState.Reported, IncidentState.Acknowledged, IncidentState.Cancelled);
            (await db.Timeline.CountAsync()).Should().Be(10);
            (await db.Outbox.CountAsync()).Should().Be(29);
            (await db.Outbox.CountAsync(o => o.TicketId == 42)).Should().Be(1);
            (await db.WatchedTickets.OrderBy(t => t.TicketId).Select(t => t.TicketId).ToListAsync()).Should().Equal(42, 77);
            (await db.TicketTimeline.CountAsync()).Should().Be(4);
            (await db.TicketLinks.SingleAsync()).Should().Match<Workflow.Tickets.IncidentTicketLink>(l => l.IncidentNumber == 1 && l.TicketId == 42);
            (await db.TicketNotes.SingleAsync()).TicketId.Should().Be(42);
            (await db.ChannelPosts.CountAsync()).Should().Be(1);
            (await db.IncidentConversations.CountAsync()).Should().Be(1);
            (await db.Timers.OrderBy(t => t.Id).Select(t => new { t.Subject, t.SubjectId, t.Kind }).ToListAsync())
                .Select(t => (t.Subject, t.SubjectId, t.Kind)).Should().Equal(
                    (TimerSubject.Ticket, 42L, TimerKind.TicketRespondWarning),
                    (TimerSubject.Ticket, 42L, TimerKind.TicketRespondBreach),
                    (TimerSubject.Ticket, 42L, TimerKind.TicketResolveWarning),
                    (TimerSubject.Ticket, 42L, TimerKind.TicketResolveBreach),
                    (TimerSubject.Ticket, 77L, TimerKind.TicketRespondWarning),
                    (TimerSubject.Ticket, 77L, TimerKind.TicketRespondBreach),
                    (TimerSubject.Ticket, 77L, TimerKind.TicketResolveWarning),
                    (TimerSubject.Ticket, 77L, TimerKind.TicketResolveBreach),
                    (TimerSubject.Incident, 2L, TimerKind.AckReminder),
                    (TimerSubject.Incident, 3L, TimerKind.UpdateDue),
                    (TimerSubject.Summary, 0L, TimerKind.SummaryDaily),
                    (TimerSubject.Summary, 0L, TimerKind.SummaryWeekly));
            (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(db.Database.GetMigrations());
            (await db.SchemaVersions.OrderBy(s => s.Version).Select(s => s.Version).ToListAsync()).Should().Equal(3, 4);
        }

        (await store.Desk.AcknowledgeAsync(Ana, 2)).Status.Should().Be(DeskStatus.Done);
        (await store.Desk.ShowAsync(2)).Incident!.State.Should().Be(IncidentState.Acknowledged);
        store.Time.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        (await store.Desk.FireTimerAsync((await store.Desk.TimersOfAsync(3)).Single().Id)).Should().Be(TimerResult.Fired);
        var warning = (await store.Desk.TimersOfAsync(TimerSubject.Ticket, 77)).First();
        warning.Kind.Should().Be(TimerKind.TicketRespondWarning);
        (await store.Desk.FireTimerAsync(warning.Id)).Should().Be(TimerResult.Fired);
        await store.Desk.EnsureSummaryTimersAsync();
        (await store.Desk.TimersOfAsync(TimerSubject.Summary, 0)).Should().HaveCount(2);
    }
}
