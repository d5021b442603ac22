using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

/// <summary>Reports wait in a queue while another write holds the gate, and are then filed together.</summary>
public sealed class ReportQueueTests : SqliteStoreTest
{
    private readonly WriteGate _gate = new(serialise: true);

    [Fact]
    public async Task ReportsQueuedBehindAnotherWrite_AreAllFiled_NumberedInArrivalOrder()
    {
        var desk = Store.NewDesk(gate: _gate);
        var held = await _gate.EnterAsync(CancellationToken.None);
        var reports = new List<Task<DeskResult>>();
        for (var i = 1; i <= 20; i++)
            reports.Add(desk.ReportAsync(People.Eve, new IncidentReport($"Outage {i}", "sev3")));
        reports.Should().OnlyContain(r => !r.IsCompleted, "nothing is filed while another write holds the gate");

        held.Dispose();
        var results = await Task.WhenAll(reports);

        results.Select(r => r.Status).Should().OnlyContain(s => s == DeskStatus.Done);
        results.Select(r => r.Incident!.Title).Should().Equal(Enumerable.Range(1, 20).Select(i => $"Outage {i}"));
        results.Select(r => r.Incident!.Number).Should().Equal(Enumerable.Range(1, 20));
        await using var db = await Store.OpenAsync();
        (await db.Timeline.CountAsync()).Should().Be(20);
        (await db.Timers.Select(t => t.SubjectId).Distinct().CountAsync()).Should().Be(20);
    }

    [Fact]
    public async Task AReportCancelledWhileQueued_IsNotFiled()
    {
        var desk = Store.NewDesk(gate: _gate);
        using var cancel = new CancellationTokenSource();
        Task<DeskResult> cancelled;
        using (await _gate.EnterAsync(CancellationToken.None))
        {
            cancelled = desk.ReportAsync(People.Eve, new IncidentReport("Never mind", "sev3"), cancel.Token);
            await cancel.CancelAsync();
            await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        }

        var next = await desk.ReportAsync(People.Eve, new IncidentReport("Real outage", "sev3"));

        next.Incident!.Id.Should().Be("INC-1");
        await using var db = await Store.OpenAsync();
        (await db.Incidents.Select(i => i.Title).ToListAsync()).Should().Equal("Real outage");
    }

    [Fact]
    public async Task AnInvalidReport_IsAnsweredWithoutQueueing()
    {
        var desk = Store.NewDesk(gate: _gate);
        using (await _gate.EnterAsync(CancellationToken.None))
        {
            var result = await desk.ReportAsync(People.Eve, new IncidentReport("", "sev3"));

            result.Status.Should().Be(DeskStatus.Invalid);
        }
    }
}
