using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>The host's side of the ticket write-back: read what waits, mark what Freshdesk accepted or refused.</summary>
public sealed class TicketNoteStore(IDbContextFactory<IncidentDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Notes waiting to be sent whose retry time (if any) has come, oldest first.</summary>
    public async Task<IReadOnlyList<TicketNote>> DueAsync(int max, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TicketNotes.AsNoTracking()
            .Where(n => n.SentAt == null && n.FailedAt == null && (n.NextAttemptAt == null || n.NextAttemptAt <= now))
            .OrderBy(n => n.Id)
            .Take(max)
            .ToListAsync(ct);
    }

    /// <summary>Every note of a ticket, oldest first (for tests and operations).</summary>
    public async Task<IReadOnlyList<TicketNote>> OfTicketAsync(long ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TicketNotes.AsNoTracking().Where(n => n.TicketId == ticketId).OrderBy(n => n.Id).ToListAsync(ct);
    }

    public Task MarkSentAsync(long noteId, CancellationToken ct = default) =>
        ChangeAsync(noteId, n => n.SentAt = time.GetUtcNow(), ct);

    /// <summary>A transient failure: try again at <paramref name="nextAttemptAt"/>. The error must hold no secrets.</summary>
    public Task DeferAsync(long noteId, DateTimeOffset nextAttemptAt, string error, CancellationToken ct = default) =>
        ChangeAsync(noteId, n =>
        {
            n.Attempts++;
            n.NextAttemptAt = nextAttemptAt;
            n.LastError = Clip(error);
        }, ct);

    /// <summary>Freshdesk refused the note for good (or it failed too often); it is not tried again.</summary>
    public Task FailAsync(long noteId, string error, CancellationToken ct = default) =>
        ChangeAsync(noteId, n =>
        {
            n.Attempts++;
            n.FailedAt = time.GetUtcNow();
            n.LastError = Clip(error);
        }, ct);

    private async Task ChangeAsync(long noteId, Action<TicketNote> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var note = await db.TicketNotes.SingleAsync(n => n.Id == noteId, ct);
        change(note);
        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string error) => error.Length > 500 ? error[..500] : error;
}
