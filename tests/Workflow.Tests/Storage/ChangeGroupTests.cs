using System.Data.Common;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

/// <summary>
/// On SQLite, changes that wait for the one writer are committed together: each runs in a savepoint of its own inside
/// one transaction, in the order they arrived, and a change that fails is undone without taking the others with it.
/// </summary>
public sealed class ChangeGroupTests : SqliteStoreTest
{
    private readonly WriteGate _gate = new(serialise: true);
    private readonly CommitCounter _commits = new();

    [Fact]
    public async Task ChangesQueuedBehindAnotherWrite_CommitTogether_InArrivalOrder()
    {
        var desk = Store.NewDesk(gate: _gate, factory: Store.FactoryWith(_commits));
        var numbers = new List<int>();
        for (var i = 1; i <= 10; i++)
            numbers.Add((await desk.ReportAsync(Eve, new IncidentReport($"Outage {i}", "sev3"))).Incident!.Number);
        var before = _commits.Count;

        Task<DeskResult>[] acks;
        Task<DeskResult> second;
        using (await _gate.EnterAsync(CancellationToken.None))
        {
            acks = [.. numbers.Select(n => desk.AcknowledgeAsync(Ana, n))];
            second = desk.AcknowledgeAsync(Ben, numbers[0]);
            await Task.Delay(50);
            acks.Append(second).Should().OnlyContain(a => !a.IsCompleted, "nothing commits while another write holds the gate");
        }

        var results = await Task.WhenAll(acks);
        var again = await second;

        results.Select(r => (r.Status, r.Incident!.State)).Should().AllBeEquivalentTo((DeskStatus.Done, IncidentState.Acknowledged));
        again.Message.Should().Be("INC-1 is already acknowledged by Ana (just now).", "the second ack ran after the first, in the same transaction");
        (_commits.Count - before).Should().Be(1, "the eleven changes were committed in one transaction");
        await using var db = await Store.OpenAsync();
        (await db.Incidents.CountAsync(i => i.State == IncidentState.Acknowledged)).Should().Be(10);
        (await db.Timeline.CountAsync(t => t.Action == "acknowledged")).Should().Be(10);
    }

    [Fact]
    public async Task AChangeThatFails_IsUndone_AndTheOthersInItsGroupCommit()
    {
        var work = NewWork();
        var first = await FileAsync("First");
        var second = await FileAsync("Second");

        Task<string> ok1, failing, ok2;
        using (await _gate.EnterAsync(CancellationToken.None))
        {
            ok1 = work.RunAsync(scope => AcknowledgeAsync(scope, first), CancellationToken.None);
            failing = work.RunAsync<string>(async scope =>
            {
                await AcknowledgeAsync(scope, second);
                await scope.Db.SaveChangesAsync();
                throw new InvalidOperationException("the change broke after it wrote");
            }, CancellationToken.None);
            ok2 = work.RunAsync(scope => AcknowledgeAsync(scope, second, Ben), CancellationToken.None);
        }

        (await ok1).Should().Be("INC-1 acknowledged");
        await FluentActions.Awaiting(() => failing).Should().ThrowAsync<InvalidOperationException>().WithMessage("the change broke after it wrote");
        (await ok2).Should().Be("INC-2 acknowledged", "the failed change's acknowledgement was undone, so Ben's is the first");
        await using var db = await Store.OpenAsync();
        (await db.Incidents.Where(i => i.Number == second).Select(i => i.AcknowledgedById).SingleAsync()).Should().Be("ben");
        (await db.Timeline.CountAsync(t => t.Action == "acknowledged")).Should().Be(2);
    }

    [Fact]
    public async Task AVersionClashInAGroup_IsAnsweredByItsConflictAnswer_OrRunAgain()
    {
        var work = NewWork();
        var number = await FileAsync("Clash");
        var runs = 0;

        Task<string> answered, retried;
        using (await _gate.EnterAsync(CancellationToken.None))
        {
            answered = work.RunAsync(scope => ClashAsync(scope, number), CancellationToken.None, onConflict: _ => "answered");
            retried = work.RunAsync(async scope => ++runs == 1 ? await ClashAsync(scope, number) : await AcknowledgeAsync(scope, number), CancellationToken.None);
        }

        (await answered).Should().Be("answered");
        (await retried).Should().Be("INC-1 acknowledged");
        runs.Should().Be(2);
    }

    [Fact]
    public async Task AChangeCancelledWhileQueued_IsNotRun()
    {
        var work = NewWork();
        var number = await FileAsync("Never mind");
        using var cancel = new CancellationTokenSource();
        var ran = false;

        Task<string> cancelled;
        using (await _gate.EnterAsync(CancellationToken.None))
        {
            cancelled = work.RunAsync(scope =>
            {
                ran = true;
                return AcknowledgeAsync(scope, number);
            }, cancel.Token);
            await cancel.CancelAsync();
            await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        }

        (await work.RunAsync(scope => AcknowledgeAsync(scope, number, Ben), CancellationToken.None)).Should().Be("INC-1 acknowledged");
        ran.Should().BeFalse();
    }

    private UnitOfWork NewWork() =>
        new(Store.Factory, _gate, Store.Plan, Store.Time, NullLogger.Instance);

    private async Task<int> FileAsync(string title) =>
        (await Store.NewDesk(gate: _gate).ReportAsync(Eve, new IncidentReport(title, "sev3"))).Incident!.Number;

    private async Task<string> AcknowledgeAsync(ChangeScope scope, int number, Actor? who = null)
    {
        var incident = (await scope.LoadIncidentAsync(number, CancellationToken.None))!;
        var outcome = incident.Change(new IncidentContext(Store.Plan, scope.Now), i => i.Acknowledge(who ?? Ana));
        if (outcome.Kind != OutcomeKind.Accepted)
            return outcome.Message;
        await scope.StageIncidentAsync(incident, CancellationToken.None);
        return $"{incident.Id} acknowledged";
    }

    // Saves the incident as if someone had changed it since it was loaded: the version it expects is not the stored one.
    private async Task<string> ClashAsync(ChangeScope scope, int number)
    {
        var incident = (await scope.LoadIncidentAsync(number, CancellationToken.None))!;
        incident.Change(new IncidentContext(Store.Plan, scope.Now), i => i.Acknowledge(Ana));
        scope.Db.Entry(incident).Property(nameof(Incident.Version)).OriginalValue = -1;
        return "saved";
    }

    private sealed class CommitCounter : DbTransactionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _count);
    }
}
