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
    public void Summary_WithoutActions_AddsNoLine()
    {
        ActionFigures.None.Render().Should().BeEmpty();
    }
}
