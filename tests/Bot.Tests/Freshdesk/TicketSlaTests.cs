using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Tests.Freshdesk;

/// <summary>A watched ticket's SLA on the fake clock: reminders, breach escalation, pause while Pending, end of the watch.</summary>
public sealed class TicketSlaTests : IAsyncLifetime
{
    private FreshdeskScenario _scenario = null!;

    public Task InitializeAsync()
    {
        _scenario = new FreshdeskScenario();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private IReadOnlyList<string> Support => _scenario.Host.TextsTo(Audience.Support);

    private IReadOnlyList<string> PagesOf(string person) =>
        _scenario.Host.TextsTo(Audience.Person, person).Where(t => t.StartsWith("You are paged for ticket #42", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task FirstResponse_IsRemindedToSupportBeforeItsDeadline()
    {
        await _scenario.TicketChangedAsync(_scenario.Urgent());

        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(44));
        var early = Support.Count;
        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(1));

        early.Should().Be(0);
        Support.Should().ContainSingle().Which.Should().StartWith("Reminder: ticket #42 (Urgent) needs a first response by 2026-03-02 05:30 UTC");
        _scenario.Host.Posts.Deliveries.Single(d => d.Message.Audience == Audience.Support).Content.Card!.Buttons
            .Select(b => b.ActionId).Should().Equal("ticket.escalate", "ticket.promote");
    }

    [Fact]
    public async Task FirstResponse_Breached_PagesTheFirstLevelOfTheLadder()
    {
        await _scenario.TicketChangedAsync(_scenario.Urgent());

        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(45));
        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(15));

        PagesOf("ana").Should().ContainSingle();
        PagesOf("ben").Should().ContainSingle();
        PagesOf("chen").Should().BeEmpty();
        Support.Should().Contain(t => t.StartsWith("First-response SLA breached on ticket #42 (Urgent)", StringComparison.Ordinal));
        (await _scenario.TicketAsync(42))!.EscalationLevel.Should().Be("L1 · Support on-call");
    }

    [Fact]
    public async Task FirstResponse_BreachedOnATicketIdAboveTwoToThe31_PagesTheFirstLevelOfTheLadder()
    {
        const long id = 3_000_000_000;
        await _scenario.TicketChangedAsync(_scenario.Urgent(id));
        var planned = await _scenario.Host.Desk.TimersOfAsync(TimerSubject.Ticket, id);

        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(45));
        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(15));

        planned.Should().HaveCount(4);
        _scenario.Host.TextsTo(Audience.Person, "ana").Count(t => t.StartsWith("You are paged for ticket #3000000000", StringComparison.Ordinal)).Should().Be(1);
        Support.Count(t => t.StartsWith("First-response SLA breached on ticket #3000000000 (Urgent)", StringComparison.Ordinal)).Should().Be(1);
        (await _scenario.TicketAsync(id))!.EscalationLevel.Should().Be("L1 · Support on-call");
    }

    [Fact]
    public async Task FirstResponse_StillMissingAWindowAfterTheBreach_ClimbsToTheNextLevel()
    {
        await _scenario.TicketChangedAsync(_scenario.Urgent());
        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(45));
        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(15));

        await _scenario.Host.AdvanceAsync(TimeSpan.FromHours(1));

        PagesOf("chen").Should().ContainSingle();
        (await _scenario.TicketAsync(42))!.EscalationLevel.Should().Be("L2 · Engineering on-call");
    }

    [Fact]
    public async Task FirstResponse_Made_StopsTheFirstResponseClock()
    {
        var ticket = _scenario.Urgent();
        await _scenario.TicketChangedAsync(ticket);
        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(30));

        await _scenario.TicketChangedAsync(ticket with { FirstRespondedAt = _scenario.Host.Time.GetUtcNow() });
        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(40));

        Support.Should().BeEmpty();
        PagesOf("ana").Should().BeEmpty();
    }

    [Fact]
    public async Task Pending_PausesTheClock_AndLeavingItPushesTheDeadlineByThePausedTime()
    {
        var ticket = _scenario.Urgent();
        await _scenario.TicketChangedAsync(ticket);
        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(10));
        await _scenario.TicketChangedAsync(ticket with { Status = TicketCodes.Pending });

        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(30));
        await _scenario.TicketChangedAsync(ticket with { Status = TicketCodes.Open });
        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(25)); // 1h05 after creation: the old deadline has passed
        var pagedBeforeNewDeadline = PagesOf("ana").Count;
        await _scenario.Host.AdvanceAsync(TimeSpan.FromMinutes(25)); // 1h30: the pushed deadline

        pagedBeforeNewDeadline.Should().Be(0);
        PagesOf("ana").Should().ContainSingle();
        (await _scenario.TicketAsync(42))!.RespondBy.Should().Be(FreshdeskScenario.Monday.AddMinutes(90));
    }

    [Fact]
    public async Task Resolved_EndsTheWatch()
    {
        var ticket = _scenario.Urgent();
        await _scenario.TicketChangedAsync(ticket);

        await _scenario.TicketChangedAsync(ticket with { Status = TicketCodes.Resolved });
        await _scenario.Host.AdvanceAsync(TimeSpan.FromHours(9));

        (await _scenario.Host.Desk.TimersOfAsync(TimerSubject.Ticket, 42)).Should().BeEmpty();
        Support.Should().BeEmpty();
        PagesOf("ana").Should().BeEmpty();
    }

    [Fact]
    public async Task TicketEscalate_PagesTheNextLevelAtOnce()
    {
        await _scenario.TicketChangedAsync(_scenario.Urgent());

        var reply = await _scenario.CommandAsync("eve", "/ticket", "escalate 42 customer is a key account");
        await _scenario.Host.FlushAsync();

        reply.Text.Should().Be("ticket #42 escalated to L1 · Support on-call (Ana, Ben).");
        reply.Card!.Title.Should().Be("Ticket #42 · Checkout fails with error 500");
        PagesOf("ana").Should().ContainSingle().Which.Should().Contain("customer is a key account");
    }
}
