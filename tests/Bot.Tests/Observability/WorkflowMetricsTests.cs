using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary>The workflow's facts as metrics, counted once the change that made them committed (shipped default plan).</summary>
public sealed class WorkflowMetricsTests : IAsyncLifetime
{
    // Monday 2026-03-02 10:00 in Kolkata: inside business hours.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 4, 30, 0, TimeSpan.Zero);
    private static readonly Actor Eve = Actor.Employee("local:eve", "Eve");
    private static readonly Actor Ana = Actor.Person("ana", "Ana");
    private TimedHost _host = null!;
    private MeterCapture _metrics = null!;

    public Task InitializeAsync()
    {
        _host = new TimedHost(Monday);
        _metrics = MeterCapture.Of(_host);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Report_CountsOneIncidentOpenedBySeverity()
    {
        await _host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev2"));

        _metrics.Of("incidentbot_incidents_opened").Should().Equal("1 severity=sev2");
    }

    [Fact]
    public async Task Report_WithNoSeverityWord_CountsAsTriageNotAsTheMostUrgent()
    {
        await _host.Desk.ReportAsync(Eve, new IncidentReport("Printer jammed"));

        _metrics.Of("incidentbot_incidents_opened").Should().Equal("1 severity=triage");
    }

    [Fact]
    public async Task Acknowledge_CountsOnceWithTheTimeToAcknowledge()
    {
        await _host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev1"));
        _host.Time.Advance(TimeSpan.FromMinutes(5));

        await _host.Desk.AcknowledgeAsync(Ana, 1);
        await _host.Desk.AcknowledgeAsync(Ana, 1);

        _metrics.Of("incidentbot_acknowledgements").Should().Equal("1 severity=sev1");
        _metrics.Of("incidentbot_mtta").Should().Equal("300 severity=sev1");
    }

    [Fact]
    public async Task RefusedAcknowledge_CountsNothing()
    {
        await _host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev1"));

        var refused = await _host.Desk.AcknowledgeAsync(Eve, 1);

        refused.Status.Should().NotBe(Workflow.Desk.DeskStatus.Done);
        _metrics.Of("incidentbot_acknowledgements").Should().BeEmpty();
        _metrics.Of("incidentbot_mtta").Should().BeEmpty();
    }

    [Fact]
    public async Task Resolve_RecordsTheTimeToResolve()
    {
        await _host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev1"));
        _host.Time.Advance(TimeSpan.FromMinutes(20));

        await _host.Desk.ResolveAsync(Ana, 1, "Rolled back");

        _metrics.Of("incidentbot_mttr").Should().Equal("1200 severity=sev1");
    }

    [Fact]
    public async Task AcknowledgeWindow_PassingUnanswered_CountsWarningBreachAndEscalation()
    {
        await _host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev1"));

        await _host.AdvanceAsync(TimeSpan.FromMinutes(7.5));
        await _host.AdvanceAsync(TimeSpan.FromMinutes(7.5));

        _metrics.Of("incidentbot_sla_warnings").Should().Equal("1 kind=acknowledge");
        _metrics.Of("incidentbot_sla_breaches").Should().Equal("1 kind=acknowledge");
        _metrics.Of("incidentbot_escalations").Should().Equal("1 by=timer,level=L2");
    }

    [Fact]
    public async Task ManualEscalation_CountsTheLevelReachedByAPerson()
    {
        await _host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev1"));

        await _host.Desk.EscalateAsync(Eve, 1, "nobody answers");

        _metrics.Of("incidentbot_escalations").Should().Equal("1 by=person,level=L2");
        _metrics.Of("incidentbot_sla_breaches").Should().BeEmpty();
    }

    [Fact]
    public async Task TimerFire_CountsItsKindAndHowLateItFired()
    {
        await _host.Desk.ReportAsync(Eve, new IncidentReport("Payments failing", "sev1"));

        await _host.AdvanceAsync(TimeSpan.FromMinutes(7.5) + TimeSpan.FromSeconds(3));

        _metrics.Of("incidentbot_timer_fires").Should().Equal("1 kind=ack_reminder,result=fired");
        _metrics.Of("incidentbot_timer_lateness").Should().Equal("3 kind=ack_reminder");
    }
}
