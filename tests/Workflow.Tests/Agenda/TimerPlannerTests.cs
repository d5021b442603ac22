using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Agenda;

/// <summary>sev1 is on the calendar clock (ack 15m, update 30m, resolve 4h, RCA 5d), so the times are plain sums.</summary>
public class TimerPlannerTests
{
    private static readonly ResponsePlan Plan = TestPlans.Standard();
    private static readonly DateTimeOffset Reported = IncidentBuilder.ReportedAt;

    private readonly TimerPlanner _planner = new(Plan, new SlaCalculator(Plan));

    private Dictionary<TimerKind, DateTimeOffset> PlanFor(Incident incident) =>
        _planner.Plan(incident).ToDictionary(t => t.Kind, t => t.DueAt);

    [Fact]
    public void Plan_WhenReported_PlansAcknowledgeAndResolveDeadlines()
    {
        var incident = IncidentBuilder.Reported().Build();

        var timers = PlanFor(incident);

        timers.Should().BeEquivalentTo(new Dictionary<TimerKind, DateTimeOffset>
        {
            [TimerKind.AckReminder] = Reported.AddMinutes(7.5),
            [TimerKind.AckTimeout] = Reported.AddMinutes(15),
            [TimerKind.ResolveWarning] = Reported.AddHours(3),
            [TimerKind.ResolveBreach] = Reported.AddHours(4),
        });
    }

    [Fact]
    public void Plan_WhenReminded_PlansNoSecondReminder()
    {
        var incident = IncidentBuilder.Reported().Build();
        incident.Act(i => i.RemindToAcknowledge(Reported.AddMinutes(15)));

        var timers = PlanFor(incident);

        timers.Keys.Should().NotContain(TimerKind.AckReminder).And.Contain(TimerKind.AckTimeout);
    }

    [Fact]
    public void Plan_WhenEscalatedToManagement_UsesItsWindowFromThePage()
    {
        var incident = IncidentBuilder.Reported().Escalated(2).Build();

        var timers = PlanFor(incident);

        timers[TimerKind.AckTimeout].Should().Be(incident.PagedAt.AddMinutes(30));
    }

    [Fact]
    public void Plan_WhenTheLadderIsExhausted_PlansNoFurtherAcknowledgeTimeout()
    {
        var incident = IncidentBuilder.Reported().Escalated(4).Build();
        incident.After(TimeSpan.FromHours(1)).Act(i => i.AcknowledgeTimedOut());

        var timers = PlanFor(incident);

        timers.Keys.Should().NotContain(TimerKind.AckTimeout).And.Contain(TimerKind.ResolveBreach);
    }

    [Theory]
    [InlineData(IncidentState.Acknowledged)]
    [InlineData(IncidentState.Mitigated)]
    public void Plan_WhenBeingWorkedOn_PlansTheUpdateAndResolveDeadlines(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var timers = PlanFor(incident);

        timers.Keys.Should().BeEquivalentTo([TimerKind.UpdateDue, TimerKind.ResolveWarning, TimerKind.ResolveBreach]);
        timers[TimerKind.UpdateDue].Should().Be(incident.LastUpdateAt.AddMinutes(30));
    }

    [Fact]
    public void Plan_AfterANudge_MovesTheUpdateDeadlineOneCadenceOn()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        incident.After(TimeSpan.FromMinutes(31)).Act(i => i.UpdateOverdue());

        var timers = PlanFor(incident);

        timers[TimerKind.UpdateDue].Should().Be(incident.LastUpdateAt.AddMinutes(60));
    }

    [Fact]
    public void Plan_AfterAnUpdateWithNext_MovesTheUpdateDeadlineToThePromise()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build().After(TimeSpan.FromMinutes(20));
        incident.Act(i => i.PostUpdate(People.Ana, "replica catching up", TimeSpan.FromMinutes(45), null));

        var timers = PlanFor(incident);

        timers[TimerKind.UpdateDue].Should().Be(Reported.AddMinutes(20 + 45));
    }

    [Fact]
    public void Plan_AfterANewOwnerAcknowledges_CountsTheUpdateCadenceFromTheAcknowledgement()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build().After(TimeSpan.FromMinutes(20));
        incident.Act(i => i.PostUpdate(People.Ana, "replica catching up", TimeSpan.FromMinutes(45), null));
        incident.After(TimeSpan.FromMinutes(65)).Act(i => i.UpdateOverdue());
        incident.After(TimeSpan.FromMinutes(70)).Act(i => i.Escalate(People.Eve, "nobody updates"));
        incident.After(TimeSpan.FromMinutes(75)).Act(i => i.Acknowledge(People.Chen));

        var timers = PlanFor(incident);

        timers[TimerKind.UpdateDue].Should().Be(Reported.AddMinutes(75 + 30));
    }

    [Fact]
    public void Plan_AfterMitigatingAnOverdueIncident_CountsTheUpdateCadenceFromTheMitigation()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        incident.After(TimeSpan.FromMinutes(31)).Act(i => i.UpdateOverdue());
        incident.After(TimeSpan.FromMinutes(40)).Act(i => i.Mitigate(People.Ana, "traffic drained"));

        var timers = PlanFor(incident);

        timers[TimerKind.UpdateDue].Should().Be(Reported.AddMinutes(40 + 30));
    }

    [Fact]
    public void Plan_AfterASeverityChange_MovesTheResolveDeadlines()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        incident.Act(i => i.ChangeSeverity(People.Ana, "sev2"));

        var timers = PlanFor(incident);

        timers[TimerKind.ResolveBreach].Should().Be(Reported.AddHours(8));
        timers[TimerKind.ResolveWarning].Should().Be(Reported.AddHours(6));
        timers[TimerKind.UpdateDue].Should().Be(incident.LastUpdateAt.AddMinutes(60));
    }

    [Fact]
    public void Plan_AfterTheWarningAndBreach_PlansNeitherAgain()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        incident.Act(i => i.WarnResolveDeadline(Reported.AddHours(4)));
        incident.Act(i => i.BreachResolveDeadline());

        var timers = PlanFor(incident);

        timers.Keys.Should().Equal(TimerKind.UpdateDue);
    }

    [Fact]
    public void Plan_WhenRcaPending_PlansTheReminderAndTheDeadline()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();
        var since = incident.RcaPendingSince!.Value;

        var timers = PlanFor(incident);

        timers.Should().BeEquivalentTo(new Dictionary<TimerKind, DateTimeOffset>
        {
            [TimerKind.RcaReminder] = since.AddDays(1),
            [TimerKind.RcaDue] = since.AddDays(5),
        });
    }

    [Fact]
    public void Plan_AfterAnRcaReminder_PlansTheNextOneADayLater()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();
        var since = incident.RcaPendingSince!.Value;
        incident.After(TimeSpan.FromDays(1)).Act(i => i.RemindRca(since.AddDays(5)));

        var timers = PlanFor(incident);

        timers[TimerKind.RcaReminder].Should().Be(since.AddDays(2));
    }

    [Fact]
    public void Plan_WhenTheRcaIsOverdue_PlansNothingMore()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();
        var since = incident.RcaPendingSince!.Value;
        for (var day = 1; day <= 4; day++)
            incident.After(TimeSpan.FromDays(day)).Act(i => i.RemindRca(since.AddDays(5)));
        incident.After(TimeSpan.FromDays(5)).Act(i => i.RcaOverdue());

        var timers = PlanFor(incident);

        timers.Should().BeEmpty();
    }

    [Theory]
    [InlineData(IncidentState.Resolved)]
    [InlineData(IncidentState.Closed)]
    [InlineData(IncidentState.Cancelled)]
    public void Plan_WhenNothingIsDue_PlansNoTimers(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var timers = PlanFor(incident);

        timers.Should().BeEmpty();
    }
}
