using Jivrus.IncidentBot.Workflow.Storage;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

public sealed class SqliteHostLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("incidentbot-lock-").FullName;

    [Fact]
    public void Acquire_WhileHeld_IsRefusedNamingTheDatabase_AndFreeAgainOnceReleased()
    {
        var options = new StorageOptions { Provider = StorageProvider.Sqlite, DataFolder = _folder };

        using (var held = SqliteHostLock.Acquire(options))
        {
            held.Should().NotBeNull();
            var second = () => SqliteHostLock.Acquire(options);
            second.Should().Throw<InvalidOperationException>()
                .WithMessage($"Another IncidentBot is already using {Path.Combine(_folder, "incidents.db")}*PostgreSQL*");
        }

        using var again = SqliteHostLock.Acquire(options);
        again.Should().NotBeNull();
    }

    [Theory]
    [InlineData(StorageProvider.InMemory, null)]
    [InlineData(StorageProvider.Sqlite, "Data Source=incidents;Mode=Memory;Cache=Shared")]
    public void Acquire_WithoutAFile_HoldsNothing(StorageProvider provider, string? connectionString)
    {
        var options = new StorageOptions { Provider = provider, DataFolder = _folder, ConnectionString = connectionString };

        SqliteHostLock.Acquire(options).Should().BeNull();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
