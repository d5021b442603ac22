using Jivrus.IncidentBot.Bot.Http;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>Refetches a ticket from Freshdesk and hands it to the <see cref="TicketDesk"/>: the one way tickets come in.</summary>
public sealed class TicketSource([FromKeyedServices(InteractiveRetry.Key)] FreshdeskClient client, TicketDesk desk, IOptions<FreshdeskOptions> options, ILogger<TicketSource> log)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>The ticket as now watched; <see cref="Refresh.Missing"/> when Freshdesk has no such ticket.</summary>
    public async Task<Refresh> RefreshAsync(long ticketId, CancellationToken ct)
    {
        var snapshot = await client.GetTicketAsync(ticketId, ct);
        if (snapshot is null)
        {
            log.LogInformation("Freshdesk has no ticket #{Ticket}; nothing stored", ticketId);
            return new Refresh(null);
        }

        return new Refresh(await desk.ObserveAsync(snapshot, ct));
    }

    /// <summary>What a refresh found: the desk's answer, or null when the ticket does not exist.</summary>
    public sealed record Refresh(TicketResult? Result)
    {
        public bool Missing => Result is null;
    }
}
