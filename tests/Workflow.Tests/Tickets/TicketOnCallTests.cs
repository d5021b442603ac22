using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Desk;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.Tickets;

/// <summary>Ticket escalations on a ladder of rotations (L1 rotation:support, Ana on call this week) page who is on call now, overrides applied.</summary>
public sealed class TicketOnCallTests : IAsyncLifetime
{
    private TestStore _store = null!;
    private TicketDesk _tickets = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StorageProvider.Sqlite, OnCallDeskContract.Plan());
        _tickets = new TicketDesk(_store.Factory, _store.Plan, _store.Time, new WriteGate(true), NullLogger<TicketDesk>.Instance);
        await _tickets.ObserveAsync(new TicketSnapshot(42, "Checkout fails", "Customers cannot pay.", TicketCodes.Open, 4, "Priya", _store.Time.GetUtcNow()));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Escalate_WhileAnOverrideHoldsTheRotation_PagesThePersonItNames()
    {
        await _store.Desk.OverrideOnCallAsync(Ana, "support", "eve", TestStore.Start.AddHours(4));

        var result = await _tickets.EscalateAsync(Chen, 42, "customer waiting");

        result.Message.Should().Be("ticket #42 escalated to L1 · Support on-call (Eve).");
        (await PostsAsync()).Should().Equal(
            "Message Person eve: Override #1: Eve is on call for Support on-call from now until 13:30 (Asia/Kolkata), instead of Ana. Made by Ana.",
            "Alert Support : ticket #42 escalated by Chen (customer waiting). Paging L1 · Support on-call (Eve).",
            "Page Person eve: You are paged for ticket #42: ticket #42 escalated by Chen (customer waiting). Resolution due 2026-03-02 12:00 UTC.");
    }

    [Fact]
    public async Task Breach_WhileAnOverrideHoldsTheRotation_PagesThePersonItNames()
    {
        var breach = (await _store.Desk.TimersOfAsync(TimerSubject.Ticket, 42)).Single(t => t.Kind == TimerKind.TicketRespondBreach);
        await _store.Desk.OverrideOnCallAsync(Ana, "support", "eve", breach.DueAt.AddHours(1));
        _store.Time.SetUtcNow(breach.DueAt);

        (await _store.Desk.FireTimerAsync(breach.Id)).Should().Be(TimerResult.Fired);

        (await PostsAsync()).Where(p => p.StartsWith("Page", StringComparison.Ordinal)).Should().Equal(
            "Page Person eve: You are paged for ticket #42: First-response SLA breached on ticket #42 (Urgent): Checkout fails. Resolution due 2026-03-02 12:00 UTC.");
    }

    private async Task<List<string>> PostsAsync()
    {
        await using var db = await _store.OpenAsync();
        return await db.Outbox.OrderBy(o => o.Id).Select(o => $"{o.Kind} {o.Audience} {o.PersonId}: {o.Text}").ToListAsync();
    }
}
