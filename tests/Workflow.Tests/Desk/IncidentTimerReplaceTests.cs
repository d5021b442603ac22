using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

/// <summary>
/// A command replaces its incident's timer row without reading it (one DELETE on a SQL database, read and removed on
/// InMemory, which has no bulk delete): the incident keeps one row, a new one, for its next deadline.
/// </summary>
public sealed class IncidentTimerReplaceTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.InMemory)]
    public async Task Acknowledge_ReplacesTheTimerRowWithANewOneForTheNextDeadline(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var number = (await store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev2"))).Incident!.Number;
        var reported = (await store.Desk.TimersOfAsync(number)).Single();

        var acked = await store.Desk.AcknowledgeAsync(Ana, number);

        var timer = (await store.Desk.TimersOfAsync(number)).Should().ContainSingle().Subject;
        (timer.Kind, timer.SubjectVersion, timer.Id == reported.Id).Should().Be((TimerKind.UpdateDue, acked.Incident!.Version, false));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.InMemory)]
    public async Task Resolve_WithNothingMoreDue_LeavesNoTimerRow(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var number = (await store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev2"))).Incident!.Number;
        await store.Desk.AcknowledgeAsync(Ana, number);

        await store.Desk.ResolveAsync(Ana, number, "Rolled back");

        (await store.Desk.TimersOfAsync(number)).Should().BeEmpty();
    }
}
