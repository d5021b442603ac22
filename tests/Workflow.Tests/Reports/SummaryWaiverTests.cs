using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Reports;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Reports;

public sealed class SummaryWaiverTests : SqliteStoreTest
{
    [Fact]
    public async Task Build_ListsTheRcasWaivedInTheWindowWithWhoAndWhy()
    {
        var desk = Store.Desk;
        await desk.ReportAsync(People.Eve, new IncidentReport("Payments down", "sev1"));
        await desk.AcknowledgeAsync(People.Ana, 1);
        Store.Time.Advance(TimeSpan.FromHours(1));
        await desk.ResolveAsync(People.Ana, 1, "Vendor fixed their gateway");
        await desk.CloseAsync(People.Ana, 1);
        await desk.WaiveRcaAsync(People.Dana, 1, "Vendor outage; their post-mortem covers it");
        Store.Time.Advance(TimeSpan.FromHours(1));

        var summary = await new SummaryReporter(Store.Factory, Store.Plan, Store.Time).BuildAsync(ReportPeriod.Day);

        summary.WaivedRcas.Should().Equal(new WaivedRca(new IncidentRef(1, "Payments down", "sev1"), "Dana", "Vendor outage; their post-mortem covers it"));
        SummaryText.Render(summary).Split('\n').Should().ContainSingle(l => l.StartsWith("RCAs waived", StringComparison.Ordinal))
            .Which.Should().Be("RCAs waived (1): INC-1 Payments down (sev1) by Dana: Vendor outage; their post-mortem covers it");
    }

    [Fact]
    public async Task Build_WithoutWaivers_HasNoWaiverLine()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Payments down", "sev1"));

        var summary = await new SummaryReporter(Store.Factory, Store.Plan, Store.Time).BuildAsync(ReportPeriod.Day);

        summary.WaivedRcas.Should().BeEmpty();
        SummaryText.Render(summary).Split('\n').Count(l => l.StartsWith("RCAs waived", StringComparison.Ordinal)).Should().Be(0);
    }
}
