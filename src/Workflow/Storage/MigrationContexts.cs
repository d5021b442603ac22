using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jivrus.IncidentBot.Workflow.Storage;

// EF Core ties a set of migrations to one context type, and SQL differs per provider, so each provider has a
// context of its own with the shared model; its migrations live in Storage/Migrations/<Provider>. Only the start-up
// (StorageInitializer) and `dotnet ef` use these; the rest of the code uses IncidentDbContext.

/// <summary>The incident database on SQLite, as migrations see it.</summary>
public sealed class SqliteIncidentDbContext(DbContextOptions<SqliteIncidentDbContext> options) : IncidentDbContext(options);

/// <summary>The incident database on PostgreSQL, as migrations see it.</summary>
public sealed class PostgresIncidentDbContext(DbContextOptions<PostgresIncidentDbContext> options) : IncidentDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context; it never connects.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIncidentDbContext>
{
    public SqliteIncidentDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteIncidentDbContext>();
        StorageSetup.Configure(builder, StorageProvider.Sqlite, "Data Source=design-time.db");
        return new SqliteIncidentDbContext(builder.Options);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIncidentDbContext>
{
    public PostgresIncidentDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresIncidentDbContext>();
        StorageSetup.Configure(builder, StorageProvider.Postgres, "Host=localhost;Database=incidentbot");
        return new PostgresIncidentDbContext(builder.Options);
    }
}
