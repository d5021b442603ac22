using Jivrus.IncidentBot.TestSupport;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

/// <summary>The generated signing key: stored the first time, the same one read by every later start and every replica.</summary>
public sealed class LinkKeyStoreTests
{
    [Fact]
    public Task GetOrCreate_OnSqlite_StoresTheFirstKeyAndReusesItAfterARestart() => StoresOnceAndReusesAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task GetOrCreate_OnPostgres_StoresTheFirstKeyAndReusesItAfterARestart() => StoresOnceAndReusesAsync(StorageProvider.Postgres);

    [PostgresFact]
    public async Task GetOrCreate_TwoReplicasAtOnceOnPostgres_BothUseTheOneKeyStored()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Postgres);
        using var bothGenerated = new Barrier(2);

        // Both replicas find no key, then race to insert theirs: exactly one insert wins.
        string Generate(string key)
        {
            bothGenerated.SignalAndWait(TimeSpan.FromSeconds(10));
            return key;
        }

        var keys = await Task.WhenAll(
            Task.Run(() => new LinkKeyStore(store.Factory, store.Time).GetOrCreateAsync(LinkKeyStore.Signing, () => Generate("key-of-replica-one"))),
            Task.Run(() => new LinkKeyStore(store.Factory, store.Time).GetOrCreateAsync(LinkKeyStore.Signing, () => Generate("key-of-replica-two"))));

        keys[0].Should().Be(keys[1]);
        keys[0].Should().BeOneOf("key-of-replica-one", "key-of-replica-two");
        await using var db = await store.OpenAsync();
        (await db.Set<LinkKey>().CountAsync()).Should().Be(1);
    }

    private static async Task StoresOnceAndReusesAsync(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var generated = 0;
        string Generate() => $"generated-{++generated}";

        var first = await new LinkKeyStore(store.Factory, store.Time).GetOrCreateAsync(LinkKeyStore.Signing, Generate);
        var afterRestart = await new LinkKeyStore(store.Factory, store.Time).GetOrCreateAsync(LinkKeyStore.Signing, Generate);

        first.Should().Be("generated-1");
        afterRestart.Should().Be("generated-1");
        generated.Should().Be(1);
        await using var db = await store.OpenAsync();
        (await db.Set<LinkKey>().SingleAsync()).CreatedAt.Should().Be(TestStore.Start);
    }
}
