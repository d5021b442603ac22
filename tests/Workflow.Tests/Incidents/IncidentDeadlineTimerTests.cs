using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

/// <summary>The resolve warning and breach, and the RCA reminder and deadline.</summary>
public class IncidentDeadlineTimerTests
{
    private static readonly DateTimeOffset ResolveBy = IncidentBuilder.ReportedAt.AddHours(4);

    [Fact]
    public void WarnResolveDeadline_AlertsTheIncidentAndManagement()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        var outcome = incident.Act(i => i.WarnResolveDeadline(ResolveBy));

        outcome.Message.Should().Be("INC-1 (Critical) must be resolved by 14:00 (Asia/Kolkata); 75 % of its 4h target has passed.");
        incident.ResolveWarned.Should().BeTrue();
        incident.Notices.Where(n => n.Kind == NoticeKind.Alert).Select(n => n.Audience)
            .Should().BeEquivalentTo([Audience.Incident, Audience.Management]);
    }

    [Fact]
    public void WarnResolveDeadline_Twice_WarnsOnce()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        incident.Act(i => i.WarnResolveDeadline(ResolveBy));

        var again = incident.After(TimeSpan.FromHours(3.5)).Act(i => i.WarnResolveDeadline(ResolveBy));

        again.Kind.Should().Be(OutcomeKind.Unchanged);
        incident.Notices.Should().BeEmpty();
    }

    [Fact]
    public void BreachResolveDeadline_OfACriticalIncident_PagesManagement()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        var outcome = incident.Act(i => i.BreachResolveDeadline());

        outcome.Message.Should().Be("SLA breached: INC-1 (Critical) was not resolved within 4h.");
        incident.ResolveBreached.Should().BeTrue();
        incident.Notices.Should().ContainSingle(n => n.Kind == NoticeKind.Page).Which.PersonId.Should().Be("dana");
        incident.Notices.Should().Contain(n => n.Kind == NoticeKind.Alert && n.Audience == Audience.Management);
    }

    [Fact]
    public void BreachResolveDeadline_OfALesserIncident_PagesNobody()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).WithSeverity("sev2").Build();

        incident.Act(i => i.BreachResolveDeadline());

        incident.Notices.Should().NotContain(n => n.Kind == NoticeKind.Page);
        incident.Notices.Should().Contain(n => n.Kind == NoticeKind.Alert && n.Audience == Audience.Management);
    }

    [Fact]
    public void BreachResolveDeadline_Twice_AnnouncesOnce()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        incident.Act(i => i.BreachResolveDeadline());

        var again = incident.After(TimeSpan.FromHours(5)).Act(i => i.BreachResolveDeadline());

        again.Kind.Should().Be(OutcomeKind.Unchanged);
        incident.Notices.Should().BeEmpty();
    }

    [Theory]
    [InlineData(IncidentState.Resolved)]
    [InlineData(IncidentState.RcaPending)]
    public void ResolveDeadlines_AfterResolving_DoNothing(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var warning = incident.Act(i => i.WarnResolveDeadline(ResolveBy));
        var breach = incident.Act(i => i.BreachResolveDeadline());

        warning.Kind.Should().Be(OutcomeKind.Unchanged);
        breach.Kind.Should().Be(OutcomeKind.Unchanged);
        incident.Notices.Should().BeEmpty();
    }

    [Fact]
    public void RemindRca_PromptsTheIncidentAndItsOwner()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();

        var outcome = incident.Act(i => i.RemindRca(IncidentBuilder.ReportedAt.AddDays(5)));

        outcome.Message.Should().Be("The root-cause analysis of INC-1 is still missing; it is due by Sun 9 Mar 10:00 (Asia/Kolkata).");
        incident.RcaReminders.Should().Be(1);
        incident.Notices.Where(n => n.Kind == NoticeKind.RcaPrompt).Select(n => (n.Audience, n.PersonId))
            .Should().BeEquivalentTo([(Audience.Incident, (string?)null), (Audience.Person, "ana")]);
    }

    [Fact]
    public void RcaOverdue_AlertsManagementOnce()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();

        var first = incident.After(TimeSpan.FromDays(5)).Act(i => i.RcaOverdue());
        var second = incident.After(TimeSpan.FromDays(6)).Act(i => i.RcaOverdue());

        first.Message.Should().Be("The root-cause analysis of INC-1 (Critical) is overdue; it was due within 5d of closing. Owner: Ana.");
        incident.RcaDueNotified.Should().BeTrue();
        second.Kind.Should().Be(OutcomeKind.Unchanged);
    }

    [Fact]
    public void RcaOverdue_AlertsTheManagementChannel()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();

        incident.Act(i => i.RcaOverdue());

        incident.Notices.Should().ContainSingle(n => n.Kind == NoticeKind.Alert).Which.Audience.Should().Be(Audience.Management);
    }

    [Fact]
    public void RcaTimers_OnceTheRcaIsIn_DoNothing()
    {
        var incident = IncidentBuilder.In(IncidentState.RcaPending).Build();
        incident.Act(i => i.SubmitRca(People.Ana, "disk full", null));

        var reminder = incident.After(TimeSpan.FromDays(1)).Act(i => i.RemindRca(IncidentBuilder.ReportedAt.AddDays(5)));
        var overdue = incident.Act(i => i.RcaOverdue());

        reminder.Kind.Should().Be(OutcomeKind.Unchanged);
        overdue.Kind.Should().Be(OutcomeKind.Unchanged);
    }
}
