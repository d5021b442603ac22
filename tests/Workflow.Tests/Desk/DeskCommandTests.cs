using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

public sealed class DeskCommandTests : SqliteStoreTest
{
    private static readonly Actor Eve = Actor.Employee("slack:U01EVE", "Eve");
    private static readonly Actor Ana = Actor.Person("ana", "Ana");
    private static readonly Actor Dana = Actor.Person("dana", "Dana");

    [Fact]
    public async Task Report_SavesIncidentTimelineTimersAndOutboxInOneGo()
    {
        var result = await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout fails", "sev1", "Customers cannot pay"));

        result.Status.Should().Be(DeskStatus.Done);
        result.Incident!.Id.Should().Be("INC-1");
        await using var db = await Store.OpenAsync();
        (await db.Timeline.CountAsync()).Should().Be(1);
        (await db.Timers.Select(t => t.Kind).ToListAsync()).Should().Equal(TimerKind.AckReminder); // the next deadline
        (await db.Outbox.Where(o => o.Kind == NoticeKind.Page).Select(o => o.PersonId).ToListAsync()).Should().BeEquivalentTo(["ana", "ben"]);
    }

    [Fact]
    public async Task Report_NumbersIncidentsInSequence()
    {
        var first = await Store.Desk.ReportAsync(Eve, new IncidentReport("One"));
        var second = await Store.Desk.ReportAsync(Eve, new IncidentReport("Two"));

        first.Incident!.Id.Should().Be("INC-1");
        second.Incident!.Id.Should().Be("INC-2");
    }

    [Theory]
    [InlineData("", "needs a title")]
    [InlineData("   ", "needs a title")]
    public async Task Report_WithoutTitle_IsInvalidAndWritesNothing(string title, string expected)
    {
        var result = await Store.Desk.ReportAsync(Eve, new IncidentReport(title));

        result.Status.Should().Be(DeskStatus.Invalid);
        result.Message.Should().Contain(expected);
        await using var db = await Store.OpenAsync();
        (await db.Incidents.CountAsync()).Should().Be(0);
        (await db.Outbox.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Report_WithHugeTitle_SaysTheLimit()
    {
        var result = await Store.Desk.ReportAsync(Eve, new IncidentReport(new string('x', 400)));

        result.Status.Should().Be(DeskStatus.Invalid);
        result.Message.Should().Contain("400 characters; at most 150");
    }

    [Fact]
    public async Task Report_WithUnknownSeverity_ListsTheKnownOnes()
    {
        var result = await Store.Desk.ReportAsync(Eve, new IncidentReport("Disk full", "sev9"));

        result.Status.Should().Be(DeskStatus.Invalid);
        result.Message.Should().Be("There is no severity 'sev9'. Use one of sev1, sev2, sev3, sev4.");
    }

    [Fact]
    public async Task Acknowledge_UnknownIncident_SaysItDoesNotExist()
    {
        var result = await Store.Desk.AcknowledgeAsync(Ana, 42);

        result.Status.Should().Be(DeskStatus.NotFound);
        result.Message.Should().StartWith("There is no INC-42.");
    }

    [Fact]
    public async Task Acknowledge_ByEmployee_IsRefusedAndRecorded()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Disk full"));

        var result = await Store.Desk.AcknowledgeAsync(Eve, 1);

        result.Status.Should().Be(DeskStatus.Refused);
        result.Message.Should().Be("Eve cannot acknowledge INC-1. Ask someone paged for it (Ana, Ben) or a manager (Dana), or use /escalate INC-1 to page the next level.");
        var timeline = (await Store.Desk.TimelineAsync(1))!.Value.Entries;
        timeline.Should().Contain(e => e.Action == "refused" && e.ActorName == "Eve");
        (await Store.Desk.ShowAsync(1)).Incident!.State.Should().Be(IncidentState.Reported);
    }

    [Fact]
    public async Task Escalate_ByEmployee_IsAllowed()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Disk full"));

        var result = await Store.Desk.EscalateAsync(Eve, 1, "nobody answers");

        result.Status.Should().Be(DeskStatus.Done);
        result.Incident!.LevelId.Should().Be("L2");
        result.Incident.Paged.Should().ContainSingle().Which.Name.Should().Be("Chen");
    }

    [Fact]
    public async Task WaiveRca_ByResponderWhoIsNotManager_IsRefused()
    {
        await ReportCriticalAndParkInRcaPendingAsync();

        var result = await Store.Desk.WaiveRcaAsync(Ana, 1, "not needed");

        result.Status.Should().Be(DeskStatus.Refused);
        result.Message.Should().Contain("Only a manager");
    }

    [Fact]
    public async Task WaiveRca_ByManager_ClosesTheIncident()
    {
        await ReportCriticalAndParkInRcaPendingAsync();

        var result = await Store.Desk.WaiveRcaAsync(Dana, 1, "duplicate of INC-0 analysis");

        result.Status.Should().Be(DeskStatus.Done);
        result.Incident!.State.Should().Be(IncidentState.Closed);
    }

    [Fact]
    public async Task Close_CriticalWithoutRca_WaitsForTheRcaThenCloses()
    {
        await ReportCriticalAndParkInRcaPendingAsync();

        var refused = await Store.Desk.CloseAsync(Ana, 1);
        var rca = await Store.Desk.SubmitRcaAsync(Ana, 1, "Expired certificate", "Alert 30 days before expiry (owner: Chen, due: 30d)");

        refused.Status.Should().Be(DeskStatus.Refused);
        refused.Message.Should().Contain("waiting for its root-cause analysis");
        rca.Incident!.State.Should().Be(IncidentState.Closed);
    }

    private async Task ReportCriticalAndParkInRcaPendingAsync()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        await Store.Desk.AcknowledgeAsync(Ana, 1);
        await Store.Desk.ResolveAsync(Ana, 1, "Renewed the certificate");
        var close = await Store.Desk.CloseAsync(Ana, 1);
        close.Incident!.State.Should().Be(IncidentState.RcaPending);
    }
}
