using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jivrus.IncidentBot.Workflow.Tests.Tickets;

public sealed class TicketSchemaTests
{
    [Fact]
    public async Task Start_OnADatabaseFromBeforeTickets_AddsTheTicketTablesAndKeepsTheData()
    {
        await using var store = await TestStore.FromSchema3Async(StorageProvider.Sqlite);
        await using (var db = await store.OpenAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"watched_tickets\"; DROP TABLE \"ticket_timeline\"; DROP TABLE \"incident_ticket_links\"; DROP TABLE \"ticket_notes\";");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"timers\" WHERE \"IncidentNumber\" < 0");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"outbox\" DROP COLUMN \"TicketId\"");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"incidents\" DROP COLUMN \"NeedsTriage\"");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"schema_version\" SET \"Version\" = 1");
        }

        await store.NewInitializer().InitializeAsync();
        var tickets = new TicketDesk(store.Factory, store.Plan, store.Time, new WriteGate(true), NullLogger<TicketDesk>.Instance);
        var watched = await tickets.ObserveAsync(new TicketSnapshot(7, "Late invoice", null, TicketCodes.Open, 2, null, store.Time.GetUtcNow()));

        watched.Ticket.Should().NotBeNull();
        (await store.Desk.ShowAsync(2)).Incident!.Title.Should().Be("Disk full on db-2");
        await using var check = store.OpenForMigrations();
        (await check.Database.GetAppliedMigrationsAsync()).Should().Equal(check.Database.GetMigrations());
    }
}
