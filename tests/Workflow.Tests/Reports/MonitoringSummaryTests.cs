using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Reports;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Reports;

/// <summary>The summaries count the incidents monitoring opened (reporter <c>alerts:…</c>) a second time, on their own line.</summary>
public sealed class MonitoringSummaryTests : SqliteStoreTest
{
    private static readonly Actor Prometheus = new("alerts:prometheus", "Alertmanager (prometheus)", ActorKind.System);

    [Fact]
    public async Task Summary_CountsIncidentsFromMonitoringAndTheirMttaAndMttrApart()
    {
        await Store.Desk.ReportAsync(Prometheus, new IncidentReport("Disk full on db-1", "sev2"));       // #1
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Checkout slow", "sev2"));          // #2
        await Store.Desk.ReportAsync(Prometheus, new IncidentReport("API error rate 5%", "sev2"));      // #3
        await Store.Desk.ReportAsync(Prometheus, new IncidentReport("Flapping probe", "sev3"));         // #4
        Store.Time.Advance(TimeSpan.FromMinutes(4));
        await Store.Desk.AcknowledgeAsync(People.Ana, 1);
        Store.Time.Advance(TimeSpan.FromMinutes(6));
        await Store.Desk.AcknowledgeAsync(People.Ana, 2);
        await Store.Desk.AcknowledgeAsync(People.Ana, 3);
        await Store.Desk.CancelAsync(People.Ana, 4, "false alarm");
        Store.Time.Advance(TimeSpan.FromMinutes(60));
        await Store.Desk.ResolveAsync(People.Ana, 1, "Grew the volume");
        Store.Time.Advance(TimeSpan.FromMinutes(1));

        var summary = await new SummaryReporter(Store.Factory, Store.Plan, Store.Time).BuildAsync(ReportPeriod.Day);

        // Opened: #1 #3 #4 (the cancelled false alarm too, as in the counts). MTTA over #1 4m, #3 10m; MTTR #1 1h10m.
        summary.Monitoring.Should().Be(new MonitoringFigures(
            3,
            new DurationStats(2, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(10)),
            new DurationStats(1, TimeSpan.FromMinutes(70), TimeSpan.FromMinutes(70))));
        summary.Mtta.Count.Should().Be(3);
        SummaryText.Render(summary).Split('\n').Where(l => l.StartsWith("From monitoring", StringComparison.Ordinal)).Should().Equal(
            "From monitoring: opened 3 · MTTA median 4m (2 acknowledged) · MTTR median 1h10m (1 resolved)");
    }

    [Fact]
    public async Task Summary_WithoutIncidentsFromMonitoring_HasNoMonitoringLine()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Checkout slow", "sev2"));
        Store.Time.Advance(TimeSpan.FromMinutes(1));

        var summary = await new SummaryReporter(Store.Factory, Store.Plan, Store.Time).BuildAsync(ReportPeriod.Day);

        summary.Monitoring.Should().Be(MonitoringFigures.None);
        SummaryText.Render(summary).Split('\n').Count(l => l.StartsWith("From monitoring", StringComparison.Ordinal)).Should().Be(0);
    }

    [Fact]
    public async Task Summary_MonitoringIncidentOpenedBefore_CountsOnlyWhatHappenedInTheWindow()
    {
        await Store.Desk.ReportAsync(Prometheus, new IncidentReport("Disk full on db-1", "sev4"));
        Store.Time.Advance(TimeSpan.FromHours(30));
        await Store.Desk.ResolveAsync(People.Ana, 1, "Grew the volume");
        Store.Time.Advance(TimeSpan.FromMinutes(1));

        var summary = await new SummaryReporter(Store.Factory, Store.Plan, Store.Time).BuildAsync(ReportPeriod.Day);

        SummaryText.Render(summary).Split('\n').Where(l => l.StartsWith("From monitoring", StringComparison.Ordinal)).Should().Equal(
            "From monitoring: opened 0 · MTTA n/a (none acknowledged) · MTTR median 1d6h (1 resolved)");
    }
}
