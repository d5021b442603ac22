using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>
/// The work of one round of the ticket write-back: send each waiting note or reply to Freshdesk, mark it sent,
/// or put it back for later (Retry-After, back-off). A rate limit stops the round: the account's budget is shared.
/// </summary>
internal sealed class FreshdeskNoteSender(
    TicketNoteStore store, FreshdeskClient client, IOptions<FreshdeskOptions> options, TimeProvider time, ILogger<FreshdeskNoteSender> log)
{
    private readonly SemaphoreSlim _oneRound = new(1, 1);

    /// <summary>Sends what is due now; returns how many notes Freshdesk accepted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
            return 0;
        await _oneRound.WaitAsync(ct);
        try
        {
            var sent = 0;
            foreach (var note in await store.DueAsync(50, ct))
            {
                try
                {
                    if (note.Private)
                        await client.AddNoteAsync(note.TicketId, note.Body, isPrivate: true, ct);
                    else
                        await client.ReplyAsync(note.TicketId, note.Body, ct);
                    await store.MarkSentAsync(note.Id, ct);
                    log.LogInformation("Wrote the {Kind} of INC-{Incident} to ticket #{Ticket}", note.Kind, note.IncidentNumber, note.TicketId);
                    sent++;
                }
                catch (FreshdeskException ex) when (ex.Transient && note.Attempts + 1 < options.Value.NoteMaxAttempts)
                {
                    var delay = ex.RetryAfter ?? Backoff(note.Attempts);
                    await store.DeferAsync(note.Id, time.GetUtcNow() + delay, ex.Message, ct);
                    if (ex.RetryAfter is not null)
                        break;
                }
                catch (FreshdeskException ex)
                {
                    log.LogError("Gave up writing the {Kind} of INC-{Incident} to ticket #{Ticket}: {Error}", note.Kind, note.IncidentNumber, note.TicketId, ex.Message);
                    await store.FailAsync(note.Id, ex.Message, ct);
                }
            }

            return sent;
        }
        finally
        {
            _oneRound.Release();
        }
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, attempts)));
}
