using Jivrus.IncidentBot.Workflow.Desk;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>Chooses the <see cref="IReportWriter"/> for a provider: the SQLite fast path on SQLite, EF elsewhere.</summary>
public static class ReportWriters
{
    public static IReportWriter For(StorageProvider provider, IDbContextFactory<IncidentDbContext> dbFactory, IncidentViewCache? views) =>
        provider == StorageProvider.Sqlite ? new SqliteReportWriter(dbFactory, views) : new EfReportWriter(dbFactory, views);

    /// <summary>The writer for the factory's database, for a desk built without the registered one (tests, tools).</summary>
    public static IReportWriter For(IDbContextFactory<IncidentDbContext> dbFactory, IncidentViewCache? views)
    {
        using var db = dbFactory.CreateDbContext();
        return For(db.Database.IsSqlite() ? StorageProvider.Sqlite : StorageProvider.InMemory, dbFactory, views);
    }
}
