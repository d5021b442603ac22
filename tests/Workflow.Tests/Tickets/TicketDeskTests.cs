using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Reports;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jivrus.IncidentBot.Workflow.Tests.Tickets;

/// <summary>The ticket desk and the incident desk's ticket paths on SQLite (the default provider).</summary>
public sealed class TicketDeskTests : IAsyncLifetime
{
    private static readonly Actor Ana = Actor.Person("ana", "Ana");
    private TestStore _store = null!;
    private TicketDesk _tickets = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        _tickets = new TicketDesk(_store.Factory, _store.Plan, _store.Time, new WriteGate(true), NullLogger<TicketDesk>.Instance);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private TicketSnapshot Snapshot(int status = TicketCodes.Open, int priority = 4) =>
        new(42, "Checkout fails", "Customers cannot pay.", status, priority, "Priya", _store.Time.GetUtcNow());

    [Fact]
    public async Task Observe_ANewTicket_FilesItsTimersUnderTheTicket()
    {
        await _tickets.ObserveAsync(Snapshot());

        var timers = await _store.Desk.TimersOfAsync(TimerSubject.Ticket, 42);

        timers.Select(t => t.Kind).Should().Equal(
            TimerKind.TicketRespondWarning, TimerKind.TicketRespondBreach, TimerKind.TicketResolveWarning, TimerKind.TicketResolveBreach);
        timers.Should().OnlyContain(t => t.SubjectVersion == 1);
    }

    [Fact]
    public async Task Observe_AnAlreadyResolvedTicket_DoesNotWatchIt()
    {
        var result = await _tickets.ObserveAsync(Snapshot(status: TicketCodes.Resolved));

        result.Status.Should().Be(DeskStatus.Unchanged);
        (await _tickets.ShowAsync(42)).Ticket.Should().BeNull();
    }

    [Fact]
    public async Task FireTimer_AfterTheTicketChanged_IsStale()
    {
        await _tickets.ObserveAsync(Snapshot());
        var warning = (await _store.Desk.TimersOfAsync(TimerSubject.Ticket, 42)).First();
        await _tickets.ObserveAsync(Snapshot(priority: 3));

        var result = await _store.Desk.FireTimerAsync(warning.Id);

        result.Should().Be(TimerResult.Gone); // the change replaced the row itself
    }

    [Fact]
    public async Task Resolve_QueuesOneResolutionNotePerLinkedTicket_EvenAfterAReopen()
    {
        await _tickets.ObserveAsync(Snapshot());
        await _store.Desk.PromoteTicketAsync(Ana, 42, null);
        await _store.Desk.AcknowledgeAsync(Ana, 1);
        await _store.Desk.ResolveAsync(Ana, 1, "Rolled back");
        await _store.Desk.ReopenAsync(Ana, 1);

        await _store.Desk.ResolveAsync(Ana, 1, "Rolled back for good");

        var notes = await new TicketNoteStore(_store.Factory, _store.Time).OfTicketAsync(42);
        notes.Should().ContainSingle().Which.Should().Match<TicketNote>(n => n.Private && n.Kind == TicketNoteKind.Resolution && n.Body.Contains("Rolled back"));
    }

    [Fact]
    public async Task Summary_CountsTicketBreachesByPriority()
    {
        await _tickets.ObserveAsync(Snapshot(priority: 4));
        await _tickets.ObserveAsync(new TicketSnapshot(43, "Slow page", null, TicketCodes.Open, 3, null, _store.Time.GetUtcNow()));
        _store.Time.Advance(TimeSpan.FromHours(4));
        await FireDueAsync(42);
        await FireDueAsync(43);
        _store.Time.Advance(TimeSpan.FromMinutes(1)); // breaches are stamped when fired; the window's end is exclusive

        var summary = await new SummaryReporter(_store.Factory, _store.Plan, _store.Time).BuildAsync(ReportPeriod.Day);

        summary.TicketBreaches.Should().Equal(new TicketBreachCounts("Urgent", 1, 0), new TicketBreachCounts("High", 1, 0));
        SummaryText.Render(summary).Should().EndWith("Tickets breached: first response 2 (Urgent 1, High 1) · resolution 0");
    }

    // Firing re-plans the ticket, so each round reads the rows again.
    private async Task FireDueAsync(long ticketId)
    {
        while ((await _store.Desk.TimersOfAsync(TimerSubject.Ticket, ticketId)).FirstOrDefault(t => t.DueAt <= _store.Time.GetUtcNow()) is { } due)
            await _store.Desk.FireTimerAsync(due.Id);
    }
}
