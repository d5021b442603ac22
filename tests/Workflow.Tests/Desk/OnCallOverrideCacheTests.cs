using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Xunit.Abstractions;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

/// <summary>
/// Who is on call comes from the desk's copy of the overrides: changes made here are paged at once, another replica's
/// within 30 s, and a read within that time sends nothing to the database. Ana is on call for support at the start.
/// </summary>
public sealed class OnCallOverrideCacheTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly CommandCounter _counter = new();
    private TestStore _store = null!;
    private Workflow.Desk.Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StorageProvider.Sqlite, OnCallDeskContract.Plan());
        _desk = _store.NewDesk(factory: _store.FactoryWith(_counter));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Override_MadeOnThisReplica_IsPagedAtOnce()
    {
        var before = await PagedAsync();
        await _desk.OverrideOnCallAsync(Ana, "support", "eve", TestStore.Start.AddHours(4));

        var after = await PagedAsync();

        (before, after).Should().Be(("ana", "eve"));
    }

    [Fact]
    public async Task Override_CancelledOnThisReplica_StopsPagingAtOnce()
    {
        await _desk.OverrideOnCallAsync(Ana, "support", "eve", TestStore.Start.AddHours(4));
        var during = await PagedAsync();
        await _desk.CancelOnCallOverrideAsync(Eve, 1);

        var after = await PagedAsync();

        (during, after).Should().Be(("eve", "ana"));
    }

    [Fact]
    public async Task Override_MadeOnAnotherReplica_IsPagedOnceThirtySecondsHavePassed()
    {
        await PagedAsync();
        await _store.Desk.OverrideOnCallAsync(Ana, "support", "eve", TestStore.Start.AddHours(4));
        var atOnce = await PagedAsync();
        _store.Time.Advance(TimeSpan.FromSeconds(29));
        var within = await PagedAsync();
        _store.Time.Advance(TimeSpan.FromSeconds(1));

        var after = await PagedAsync();

        (atOnce, within, after).Should().Be(("ana", "ana", "eve"));
    }

    [Fact]
    public async Task Override_AtItsEndInstant_IsReadAgainAndNoLongerPaged()
    {
        await _desk.OverrideOnCallAsync(Ana, "support", "eve", TestStore.Start.AddSeconds(20));
        var during = await PagedAsync();
        _store.Time.Advance(TimeSpan.FromSeconds(20));

        var (after, cost) = await _counter.Measure("report at the instant the override ends", PagedAsync, output);

        (during, after, cost.Commands).Should().Be(("eve", "ana", 1));
    }

    [Fact]
    public async Task Override_AtItsStartInstant_IsReadAgainAndPaged()
    {
        var start = TestStore.Start.AddSeconds(10);
        await using (var db = await _store.OpenAsync())
        {
            // One made ahead (as another replica or an import would): the commands make overrides that start now.
            db.OnCallOverrides.Add(new OnCallOverride("support", "eve", start, start.AddHours(1), "dana", TestStore.Start));
            await db.SaveChangesAsync();
        }

        var before = await PagedAsync();
        _store.Time.Advance(TimeSpan.FromSeconds(10));

        var (after, cost) = await _counter.Measure("report at the instant the override starts", PagedAsync, output);

        (before, after, cost.Commands).Should().Be(("ana", "eve", 1));
    }

    [Fact]
    public async Task Roster_AskedAgainWithinThirtySeconds_SendsNoCommand()
    {
        var (_, first) = await _counter.Measure("roster", () => _desk.OnCallRosterAsync(), output);
        _store.Time.Advance(TimeSpan.FromSeconds(29));
        var (_, cached) = await _counter.Measure("roster 29 s later", () => _desk.OnCallRosterAsync(), output);
        _store.Time.Advance(TimeSpan.FromSeconds(1));

        var (_, stale) = await _counter.Measure("roster 30 s after the first", () => _desk.OnCallRosterAsync(), output);

        (first.Commands, cached.Commands, stale.Commands).Should().Be((1, 0, 1));
    }

    [Fact]
    public async Task Read_BegunBeforeAnInvalidation_IsNotKept()
    {
        var cache = new OnCallOverrideCache();
        var reads = 0;
        var slow = new TaskCompletionSource<List<OnCallOverride>>();
        var first = cache.InForceAsync(TestStore.Start, _ => { reads++; return slow.Task; }, CancellationToken.None);
        cache.Invalidate();
        slow.SetResult([]);
        await first;

        await cache.InForceAsync(TestStore.Start, _ => { reads++; return Task.FromResult(new List<OnCallOverride>()); }, CancellationToken.None);

        reads.Should().Be(2);
    }

    private async Task<string> PagedAsync()
    {
        var report = await _desk.ReportAsync(Chen, new IncidentReport("Checkout down", "sev2"));
        return string.Join(",", report.Incident!.Paged.Select(p => p.Id));
    }
}
