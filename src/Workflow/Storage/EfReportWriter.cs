using Jivrus.IncidentBot.Workflow.Desk;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>The reference <see cref="IReportWriter"/>: one EF Core transaction on any provider.</summary>
internal sealed class EfReportWriter(IDbContextFactory<IncidentDbContext> dbFactory, IncidentViewCache? views = null) : IReportWriter
{
    private const long ReportNumberLock = 0x494E_432D_4E55; // shared by every replica

    public async Task<IReadOnlyList<NewIncident>> FileAsync(int count, Func<int, int, NewIncident> draft, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            // Replicas share the database, not the write gate: numbering waits on a transaction lock
            // so ids stay gap-free and sequential instead of racing and retrying.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ReportNumberLock], ct);
        }

        var last = await db.Incidents.MaxAsync(i => (int?)i.Number, ct) ?? 0;
        var filed = new NewIncident[count];
        for (var i = 0; i < count; i++)
        {
            var report = filed[i] = draft(i, last + i + 1);
            db.Incidents.Add(report.Incident);
            foreach (var row in report.Extra)
                db.Add(row);
            db.Timeline.AddRange(report.Rows.Timeline);
            db.Outbox.AddRange(report.Rows.Outbox);
            db.Timers.AddRange(report.Rows.Timers);
        }

        await db.SaveChangesAsync(ct);
        await UnitOfWork.CommitAsync(tx.CommitAsync, filed.Select(f => f.View).ToList(), views, ct);
        return filed;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
