using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Reports;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.FollowUp;

public sealed class ActionSummaryTests : SqliteStoreTest
{
    [Fact]
    public async Task Summary_ListsOverdueActionsPerOwnerAndTheShareDoneOnTime()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev1"));
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Login slow", "sev2"));
        await Store.Desk.AddActionAsync(Ana, 1, "Add disk alerts", "chen", "1h");
        await Store.Desk.AddActionAsync(Ana, 1, "Rotate keys", "ana", "1h");
        await Store.Desk.AddActionAsync(Ana, 2, "Cache sessions", "chen", "1h");
        await Store.Desk.AddActionAsync(Ana, 2, "Load test", "ben", "1h");
        await Store.Desk.AddActionAsync(Ana, 2, "Write the runbook", "ben", "3h");
        await Store.Desk.CompleteActionAsync(Ben, 2, 2); // on time
        Store.Time.Advance(TimeSpan.FromHours(2));
        await Store.Desk.CompleteActionAsync(Ana, 1, 2); // an hour late
        Store.Time.Advance(TimeSpan.FromMinutes(1)); // the window ends before its end instant

        var summary = await new SummaryReporter(Store.Factory, Store.Plan, Store.Time).BuildAsync(ReportPeriod.Day);

        summary.Actions.Render().Should().Be(
            "\nCorrective actions overdue (2): Chen 2 (INC-1 #1, INC-2 #1)"
            + "\nCorrective actions done on time: 1 of 2 (50%)");
    }

    [Fact]
    public async Task Summary_LeavesDrillsActionsOutOfOverdueAndOnTime()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev1"));
        await Store.Desk.ReportAsync(Dana, new IncidentReport("Failover practice", "sev2", Drill: true));
        await Store.Desk.AddActionAsync(Ana, 1, "Add disk alerts", "chen", "1h");
        await Store.Desk.AddActionAsync(Ana, 1, "Rotate keys", "ana", "1h");
        await Store.Desk.AddActionAsync(Ana, 2, "Script the failover", "ben", "1h");
        await Store.Desk.AddActionAsync(Ana, 2, "Time the failover", "ben", "1h");
        await Store.Desk.CompleteActionAsync(Ana, 1, 2); // on time
        Store.Time.Advance(TimeSpan.FromHours(2));
        await Store.Desk.CompleteActionAsync(Ben, 2, 2); // a drill's, an hour late
        Store.Time.Advance(TimeSpan.FromMinutes(1));

        var summary = await new SummaryReporter(Store.Factory, Store.Plan, Store.Time).BuildAsync(ReportPeriod.Day);

        summary.Actions.Should().BeEquivalentTo(new ActionFigures([new OverdueActions("Chen", ["INC-1 #1"])], DoneWithDue: 1, DoneOnTime: 1));
        summary.Actions.Render().Should().Be(
            "\nCorrective actions overdue (1): Chen 1 (INC-1 #1)"
            + "\nCorrective actions done on time: 1 of 1 (100%)");
    }

    [Fact]
    public void Summary_WithoutActions_AddsNoLine()
    {
        ActionFigures.None.Render().Should().BeEmpty();
    }
}
