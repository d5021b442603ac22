using Npgsql;

namespace Jivrus.IncidentBot.TestSupport;

/// <summary>A fresh, empty PostgreSQL database for one test (or one pair of replicas), dropped at the end.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private ScratchDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The connection string of the new database, on the server <see cref="PostgresFactAttribute"/> names.</summary>
    public string ConnectionString { get; }

    /// <param name="prefix">Starts the database's name (lowercase letters and <c>_</c>), so a leftover says which tests made it.</param>
    public static async Task<ScratchDatabase> CreateAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString) { Database = name }.ToString();
        return new ScratchDatabase(name, connection);
    }

    /// <summary>Drops the database synchronously, for owners that clean up in a synchronous Dispose.</summary>
    public void Drop()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
