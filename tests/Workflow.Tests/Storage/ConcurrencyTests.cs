using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

/// <summary>The same concurrency guarantees on SQLite (always) and PostgreSQL (when available).</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public Task ConcurrentReports_OnSqlite_GetUniqueSequentialIds() => ConcurrentReportsGetUniqueSequentialIds(StorageProvider.Sqlite);

    [PostgresFact]
    public Task ConcurrentReports_OnPostgres_GetUniqueSequentialIds() => ConcurrentReportsGetUniqueSequentialIds(StorageProvider.Postgres);

    [Fact]
    public Task ConcurrentAcknowledgements_OnSqlite_OneWinsTheOtherIsToldWho() => ConcurrentAcknowledgementsOneWins(StorageProvider.Sqlite);

    [PostgresFact]
    public Task ConcurrentAcknowledgements_OnPostgres_OneWinsTheOtherIsToldWho() => ConcurrentAcknowledgementsOneWins(StorageProvider.Postgres);

    [PostgresFact]
    public async Task ConcurrentAcknowledgements_OnPostgresWithTwoDesks_OneWins()
    {
        // Two Desk instances stand for two replicas: no in-process gate is shared, only the database.
        await using var store = await TestStore.CreateAsync(StorageProvider.Postgres);
        await store.Desk.ReportAsync(Actor.Employee("e", "Eve"), new IncidentReport("Queue stuck", "sev2"));
        var other = store.NewDesk();

        var results = await Task.WhenAll(
            Task.Run(() => store.Desk.AcknowledgeAsync(Actor.Person("ana", "Ana"), 1)),
            Task.Run(() => other.AcknowledgeAsync(Actor.Person("ben", "Ben"), 1)));

        results.Should().ContainSingle(r => r.Status == DeskStatus.Done);
        results.Should().ContainSingle(r => r.Status == DeskStatus.Unchanged).Which.Message.Should().Contain("already acknowledged by");
    }

    [PostgresFact]
    public async Task Storage_OnPostgres_SurvivesANewConnectionAndInitializesTwice()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Postgres);
        await store.Desk.ReportAsync(Actor.Employee("e", "Eve"), new IncidentReport("Queue stuck", "sev2"));

        await store.NewInitializer().InitializeAsync();

        var found = await store.NewDesk().ShowAsync(1);
        found.Incident!.Title.Should().Be("Queue stuck");
    }

    private static async Task ConcurrentReportsGetUniqueSequentialIds(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var desks = new[] { store.Desk, store.NewDesk() };

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            Task.Run(() => desks[i % 2].ReportAsync(Actor.Employee($"e{i}", $"Employee {i}"), new IncidentReport($"Report {i}")))));

        results.Should().OnlyContain(r => r.Status == DeskStatus.Done);
        results.Select(r => r.Incident!.Number).Should().BeEquivalentTo(Enumerable.Range(1, 50));
        await using var db = await store.OpenAsync();
        (await db.Incidents.CountAsync()).Should().Be(50);
    }

    private static async Task ConcurrentAcknowledgementsOneWins(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await store.Desk.ReportAsync(Actor.Employee("e", "Eve"), new IncidentReport("Queue stuck", "sev2"));

        var results = await Task.WhenAll(
            Task.Run(() => store.Desk.AcknowledgeAsync(Actor.Person("ana", "Ana"), 1)),
            Task.Run(() => store.Desk.AcknowledgeAsync(Actor.Person("ben", "Ben"), 1)));

        var winner = results.Should().ContainSingle(r => r.Status == DeskStatus.Done).Subject;
        var loser = results.Should().ContainSingle(r => r.Status == DeskStatus.Unchanged).Subject;
        var winnerName = winner.Incident!.AcknowledgedByName;
        loser.Message.Should().Contain($"already acknowledged by {winnerName}");
        await using var db = await store.OpenAsync();
        (await db.Timeline.CountAsync(t => t.Action == "acknowledged")).Should().Be(1);
    }
}
