using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jivrus.IncidentBot.Workflow.Tests.Tickets;

/// <summary>Freshdesk ticket ids pass 2^31; timer rows hold them whole on both providers.</summary>
public sealed class LargeTicketIdTests
{
    private const long TicketId = 3_000_000_000;

    [Fact]
    public Task Ticket_WithAnIdAboveTwoToThe31_IsWatchedTimedAndEscalated_OnSqlite() => WatchTimeAndEscalateAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task Ticket_WithAnIdAboveTwoToThe31_IsWatchedTimedAndEscalated_OnPostgres() => WatchTimeAndEscalateAsync(StorageProvider.Postgres);

    private static async Task WatchTimeAndEscalateAsync(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var gate = new WriteGate(provider != StorageProvider.Postgres);
        var tickets = new TicketDesk(store.Factory, store.Plan, store.Time, gate, NullLogger<TicketDesk>.Instance);
        var claims = new TimerClaims(store.Factory, gate);

        var watched = await tickets.ObserveAsync(new TicketSnapshot(TicketId, "Checkout fails", null, TicketCodes.Open, 4, "Priya", store.Time.GetUtcNow()));
        var planned = await store.Desk.TimersOfAsync(TimerSubject.Ticket, TicketId);
        store.Time.Advance(TimeSpan.FromMinutes(61)); // past the urgent first-response deadline (1h)
        // Each firing re-plans the ticket, so due rows are claimed again until none is left, as the scheduler does.
        var fired = new List<(long SubjectId, TimerKind Kind, TimerResult Result)>();
        while ((await claims.ClaimDueAsync(store.Time.GetUtcNow(), 1, TimeSpan.FromMinutes(1))).SingleOrDefault() is { } timer)
            fired.Add((timer.SubjectId, timer.Kind, await store.Desk.FireTimerAsync(timer)));

        watched.Status.Should().Be(DeskStatus.Done);
        planned.Should().HaveCount(4).And.OnlyContain(t => t.SubjectId == TicketId);
        fired.Should().Equal(
            (TicketId, TimerKind.TicketRespondWarning, TimerResult.Fired),
            (TicketId, TimerKind.TicketRespondBreach, TimerResult.Fired));
        var ticket = (await tickets.ShowAsync(TicketId)).Ticket!;
        ticket.RespondBreached.Should().BeTrue();
        ticket.EscalationLevel.Should().Be("L1 · Support on-call");
    }
}
