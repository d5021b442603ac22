using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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
        known.Select(m => m.Split('_', 2)[1]).Should().Equal("Baseline", "TimerSubjects", "OpenIncidentsBySeverity", "TimerSubjectVersion", "PrivateIncidentsAndDrills");
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
