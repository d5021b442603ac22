using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Hands out the provider's own context (<see cref="SqliteIncidentDbContext"/>, <see cref="PostgresIncidentDbContext"/>)
/// to code that asks for an <see cref="IncidentDbContext"/>: one context type per process means one model, built once.
/// </summary>
internal sealed class IncidentContexts<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<IncidentDbContext>
    where TContext : IncidentDbContext
{
    public IncidentDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<IncidentDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
