using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Workflow.Tests.Tickets;

public sealed class WatchedTicketTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 4, 0, 0, TimeSpan.Zero);
    private readonly Workflow.Plan.ResponsePlan _plan = TestPlans.Standard();

    private static TicketSnapshot Snapshot(int status = TicketCodes.Open, int priority = 3, DateTimeOffset? frDue = null, DateTimeOffset? due = null) =>
        new(42, "Export broken", "The CSV export is empty.", status, priority, "Priya", Created, frDue, due);

    [Fact]
    public void Start_WithoutDueDates_UsesThePlansTargetsForThePriority()
    {
        var ticket = WatchedTicket.Start(Snapshot(priority: 3), _plan, Created);

        ticket.RespondBy.Should().Be(Created.AddHours(4));
        ticket.ResolveBy.Should().Be(Created.AddDays(1));
    }

    [Fact]
    public void Start_WithFreshdeskDueDates_UsesThem()
    {
        var ticket = WatchedTicket.Start(Snapshot(frDue: Created.AddMinutes(30), due: Created.AddHours(2)), _plan, Created);

        ticket.RespondBy.Should().Be(Created.AddMinutes(30));
        ticket.ResolveBy.Should().Be(Created.AddHours(2));
    }

    [Fact]
    public void Observe_TheSameSnapshotAgain_ChangesNothing()
    {
        var ticket = WatchedTicket.Start(Snapshot(), _plan, Created);

        var changed = ticket.Observe(Snapshot(), _plan, Created.AddMinutes(5));

        changed.Should().BeFalse();
        ticket.NewTimelineEntries.Should().BeEmpty();
    }

    [Fact]
    public void Pending_PlansNoTimers_AndLeavingItMovesBothDeadlinesByThePausedTime()
    {
        var ticket = WatchedTicket.Start(Snapshot(), _plan, Created);
        ticket.Observe(Snapshot(status: TicketCodes.Pending), _plan, Created.AddHours(1));
        var whilePaused = TicketTimers.Plan(ticket, _plan, Created.AddHours(2)).ToList();

        ticket.Observe(Snapshot(status: TicketCodes.Open), _plan, Created.AddHours(3));

        whilePaused.Should().BeEmpty();
        ticket.RespondBy.Should().Be(Created.AddHours(6));
        ticket.ResolveBy.Should().Be(Created.AddDays(1).AddHours(2));
    }

    [Fact]
    public void NewDueDateFromFreshdesk_ReplacesThePushedDeadline()
    {
        var ticket = WatchedTicket.Start(Snapshot(frDue: Created.AddHours(1)), _plan, Created);
        ticket.Observe(Snapshot(status: TicketCodes.Pending, frDue: Created.AddHours(1)), _plan, Created.AddMinutes(10));
        ticket.Observe(Snapshot(frDue: Created.AddHours(1)), _plan, Created.AddMinutes(40));

        ticket.Observe(Snapshot(frDue: Created.AddHours(2)), _plan, Created.AddMinutes(41));

        ticket.RespondBy.Should().Be(Created.AddHours(2)); // Freshdesk counted the pause already
    }

    [Fact]
    public void Plan_ForANewTicket_RemindsAtThreeQuartersAndBreachesAtEachDeadline()
    {
        var ticket = WatchedTicket.Start(Snapshot(priority: 4), _plan, Created);

        var timers = TicketTimers.Plan(ticket, _plan, Created).ToList();

        timers.Should().Equal(
            (TimerKind.TicketRespondWarning, Created.AddMinutes(45)),
            (TimerKind.TicketRespondBreach, Created.AddHours(1)),
            (TimerKind.TicketResolveWarning, Created.AddHours(6)),
            (TimerKind.TicketResolveBreach, Created.AddHours(8)));
    }

    [Fact]
    public void FirstResponse_DropsTheFirstResponseTimers()
    {
        var ticket = WatchedTicket.Start(Snapshot(), _plan, Created);

        ticket.Observe(Snapshot() with { FirstRespondedAt = Created.AddMinutes(20) }, _plan, Created.AddMinutes(21));

        TicketTimers.Plan(ticket, _plan, Created.AddMinutes(21)).Select(t => t.Kind)
            .Should().Equal(TimerKind.TicketResolveWarning, TimerKind.TicketResolveBreach);
    }

    [Fact]
    public void Breach_PagesTheFirstLevel_ThenEachFurtherWindowClimbsOne()
    {
        var ticket = WatchedTicket.Start(Snapshot(priority: 4), _plan, Created);
        ticket.Fire(TimerKind.TicketRespondBreach, _plan, OnCallRoster.Scheduled(_plan), Created.AddHours(1));
        var climb = TicketTimers.Plan(ticket, _plan, Created.AddHours(1)).Single(t => t.Kind == TimerKind.TicketClimb);

        ticket.Fire(TimerKind.TicketClimb, _plan, OnCallRoster.Scheduled(_plan), climb.DueAt);

        climb.DueAt.Should().Be(Created.AddHours(2));
        ticket.Level.Should().Be(2);
        ticket.Notices.Where(n => n.Kind == NoticeKind.Page).Select(n => n.PersonId).Should().Equal("chen");
    }

    [Fact]
    public void Escalate_WhenResolved_IsRefused()
    {
        var ticket = WatchedTicket.Start(Snapshot(), _plan, Created);
        ticket.Observe(Snapshot(status: TicketCodes.Resolved), _plan, Created.AddHours(1));

        var outcome = ticket.Escalate(Actor.Person("ana", "Ana"), null, _plan, OnCallRoster.Scheduled(_plan), Created.AddHours(2));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        TicketTimers.Plan(ticket, _plan, Created.AddHours(2)).Should().BeEmpty();
    }
}
