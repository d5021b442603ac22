using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

public sealed class IncidentViewCacheTests
{
    private static readonly Actor Eve = Actor.Employee("slack:U01EVE", "Eve");

    [Fact]
    public void PutRead_WithTheCurrentStamp_IsKept()
    {
        var cache = new IncidentViewCache();
        var stamp = cache.ReadStamp();

        cache.PutRead(View(7, version: 1), stamp);

        cache.TryGet(7, out var held).Should().BeTrue();
        held!.Version.Should().Be(1);
    }

    [Fact]
    public void PutRead_StartedBeforeAChangeWasPut_DoesNotLeaveTheOlderState()
    {
        var cache = new IncidentViewCache();
        var stamp = cache.ReadStamp();          // a reader starts, loads version 1 from the database ...
        cache.PutCommitted(View(7, version: 2)); // ... while a change commits version 2

        cache.PutRead(View(7, version: 1), stamp);

        cache.TryGet(7, out var held).Should().BeTrue();
        held!.Version.Should().Be(2);
    }

    [Fact]
    public void PutRead_StartedBeforeAForget_IsDropped()
    {
        var cache = new IncidentViewCache();
        var stamp = cache.ReadStamp();
        cache.Forget(7);

        cache.PutRead(View(7, version: 1), stamp);

        cache.TryGet(7, out _).Should().BeFalse();
    }

    [Fact]
    public void PutCommitted_AnOlderVersion_KeepsTheNewer()
    {
        var cache = new IncidentViewCache();
        cache.PutCommitted(View(7, version: 3));

        cache.PutCommitted(View(7, version: 2));

        cache.TryGet(7, out var held).Should().BeTrue();
        held!.Version.Should().Be(3);
    }

    [Fact]
    public void PutCommitted_PastCapacity_StartsOverAndKeepsTheNewest()
    {
        var cache = new IncidentViewCache(capacity: 3);
        for (var n = 1; n <= 3; n++)
            cache.PutCommitted(View(n, version: 1));

        cache.PutCommitted(View(4, version: 1));

        cache.Count.Should().Be(1);
        cache.TryGet(4, out _).Should().BeTrue();
    }

    [Fact]
    public async Task Show_WithACache_AnswersFromWhatTheDeskCommitted()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        var desk = store.NewDesk(new IncidentViewCache());
        await desk.ReportAsync(Eve, new IncidentReport("Checkout fails", "sev2"));
        await using (var db = await store.OpenAsync())
            await db.Database.ExecuteSqlRawAsync("UPDATE incidents SET \"Title\" = 'changed behind the desk'");

        var cached = await desk.ShowAsync(1);
        var fresh = await store.NewDesk().ShowAsync(1);

        cached.Incident!.Title.Should().Be("Checkout fails");
        fresh.Incident!.Title.Should().Be("changed behind the desk");
    }

    [Fact]
    public async Task Show_WithACache_FollowsEveryChange()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        var desk = store.NewDesk(new IncidentViewCache());
        await desk.ReportAsync(Eve, new IncidentReport("Checkout fails", "sev2"));
        (await desk.ShowAsync(1)).Incident!.State.Should().Be(IncidentState.Reported);

        await desk.AcknowledgeAsync(People.Ana, 1);
        (await desk.ShowAsync(1)).Incident!.State.Should().Be(IncidentState.Acknowledged);

        await desk.ResolveAsync(People.Ana, 1, "Restarted the pool");
        var shown = (await desk.ShowAsync(1)).Incident!;
        shown.State.Should().Be(IncidentState.Resolved);
        shown.Resolution.Should().Be("Restarted the pool");
    }

    [Fact]
    public async Task Show_WithACache_UnderConcurrentChanges_EndsOnTheCommittedState()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        var desk = store.NewDesk(new IncidentViewCache());
        for (var i = 0; i < 5; i++)
            await desk.ReportAsync(Eve, new IncidentReport($"Outage {i}", "sev3"));

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
                await desk.ShowAsync(1 + (i % 5));
        }));
        var writers = Enumerable.Range(1, 5).Select(n => Task.Run(async () =>
        {
            await desk.AcknowledgeAsync(People.Ana, n);
            for (var u = 0; u < 5; u++)
                await desk.UpdateAsync(People.Ana, n, $"Update {u}");
            await desk.ResolveAsync(People.Ana, n, "Fixed");
        }));
        await Task.WhenAll(readers.Concat(writers));

        var database = store.NewDesk();
        for (var n = 1; n <= 5; n++)
        {
            var cached = (await desk.ShowAsync(n)).Incident!;
            var stored = (await database.ShowAsync(n)).Incident!;
            cached.Version.Should().Be(stored.Version);
            cached.State.Should().Be(IncidentState.Resolved);
        }
    }

    private static IncidentView View(int number, int version) => new()
    {
        Number = number,
        Title = $"Incident {number}",
        SeverityId = "sev2",
        SeverityName = "High",
        State = IncidentState.Reported,
        Level = 1,
        LevelId = "l1",
        LevelName = "On call",
        Paged = [],
        ReporterName = "Eve",
        ReportedAt = DateTimeOffset.UnixEpoch,
        Version = version,
    };
}
