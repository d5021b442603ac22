using Jivrus.IncidentBot.Workflow.Storage;

namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>A test class whose every test gets a fresh SQLite store, disposed (with its desks) afterwards.</summary>
public abstract class SqliteStoreTest : IAsyncLifetime
{
    protected TestStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await TestStore.CreateAsync(StorageProvider.Sqlite);

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
