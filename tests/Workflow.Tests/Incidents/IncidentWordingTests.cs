using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

/// <summary>Sentences an on-call reader meets: no "0m", no level named twice, deadlines that say when.</summary>
public class IncidentWordingTests
{
    private static Incident Report(string severity, DateTimeOffset at) =>
        Incident.Report(1, new IncidentReport("DB down", severity), People.Eve, new IncidentContext(TestPlans.Standard(), at));

    [Fact]
    public void Page_OnTheCalendarClock_GivesTheWindow()
    {
        var incident = Report("sev1", IncidentBuilder.ReportedAt);

        incident.Notices.Where(n => n.Kind == NoticeKind.Page).Select(n => n.Text).Distinct().Should()
            .Equal("You are paged for INC-1 (Critical): DB down. Acknowledge within 15m.");
    }

    [Fact]
    public void Page_OnTheBusinessClockOnASaturday_SaysWhenInThePlansZone()
    {
        // Saturday 8 March 2025, 12:00 in Kolkata: the 4h of business hours run Monday 09:00-13:00.
        var saturday = new DateTimeOffset(2025, 3, 8, 6, 30, 0, TimeSpan.Zero);

        var incident = Report("sev3", saturday);

        incident.Notices.Where(n => n.Kind == NoticeKind.Page).Select(n => n.Text).Distinct().Should()
            .Equal("You are paged for INC-1 (Medium): DB down. Acknowledge by Mon 10 Mar 13:00 (Asia/Kolkata): 4h counted in business hours.");
    }

    [Fact]
    public void Acknowledge_AgainWithinAMinute_SaysJustNow()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build(); // Ana acknowledged a minute after the report
        incident.At(new IncidentContext(TestPlans.Standard(), IncidentBuilder.ReportedAt.AddSeconds(90)));

        var again = incident.Act(i => i.Acknowledge(People.Ben));

        again.Message.Should().Be("INC-1 is already acknowledged by Ana (just now).");
    }

    [Fact]
    public void Resolve_WithinAMinuteOfTheReport_SaysInUnderAMinute()
    {
        var incident = Report("sev2", IncidentBuilder.ReportedAt);
        incident.At(new IncidentContext(TestPlans.Standard(), IncidentBuilder.ReportedAt.AddSeconds(20)));

        var outcome = incident.Act(i => i.Resolve(People.Ana, "restarted the pool"));

        outcome.Message.Should().Be("Ana resolved INC-1 in under a minute: restarted the pool");
    }

    [Fact]
    public void Escalate_ToTheTop_NamesTheLevelOnce()
    {
        var incident = IncidentBuilder.Reported().Escalated(1).Build();

        var outcome = incident.Act(i => i.Escalate(People.Eve, null));

        outcome.Message.Should().Be("Eve escalated INC-1 to Management.");
    }
}
