using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

/// <summary>The one place a change becomes a transaction: retries, conflicts answered, views handed to the cache.</summary>
public sealed class UnitOfWorkTests : SqliteStoreTest
{
    private readonly IncidentViewCache _cache = new();

    [Fact]
    public async Task RunAsync_WhenAnAttemptClashes_RunsTheWholeChangeAgainAndCommitsIt()
    {
        var attempts = 0;

        var answer = await Work().RunAsync(scope =>
        {
            attempts++;
            scope.Db.Timers.Add(new IncidentTimer(7, TimerKind.UpdateDue, scope.Now, 1));
            return attempts == 1 ? throw new DbUpdateException("someone changed it since") : Task.FromResult("done");
        }, CancellationToken.None);

        answer.Should().Be("done");
        attempts.Should().Be(2);
        await using var db = await Store.OpenAsync();
        (await db.Timers.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_WithAnAnswerForAConflict_AnswersInsteadOfRetrying_AndWritesNothing()
    {
        var attempts = 0;

        var answer = await Work().RunAsync(async scope =>
        {
            attempts++;
            // Two rows under one key (incident, kind): the save fails on the unique index.
            scope.Db.Timers.Add(new IncidentTimer(7, TimerKind.UpdateDue, scope.Now, 1));
            await scope.Db.SaveChangesAsync();
            scope.Db.Timers.Add(new IncidentTimer(7, TimerKind.UpdateDue, scope.Now, 2));
            return "saved twice";
        }, CancellationToken.None, onConflict: _ => "already there");

        answer.Should().Be("already there");
        attempts.Should().Be(1);
        await using var db = await Store.OpenAsync();
        (await db.Timers.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_StagingAnIncidentsChange_CommitsItsRows_AndHandsItsViewToTheCache()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("DB down", "sev2"));

        var view = await Work().RunAsync(async scope =>
        {
            var incident = (await scope.LoadIncidentAsync(1, CancellationToken.None))!;
            incident.Change(new IncidentContext(Store.Plan, scope.Now), i => i.Acknowledge(People.Ana));
            return scope.StageIncident(incident, await scope.TimersAsync(TimerSubject.Incident, 1, CancellationToken.None));
        }, CancellationToken.None);

        view.Version.Should().Be(2);
        _cache.TryGet(1, out var cached).Should().BeTrue();
        cached.Should().BeSameAs(view);
        var timers = await Store.Desk.TimersOfAsync(1);
        timers.Should().ContainSingle().Which.SubjectVersion.Should().Be(2);
        await using var db = await Store.OpenAsync();
        (await db.Timeline.OrderBy(t => t.Id).Select(t => t.Action).ToListAsync()).Should().Equal("reported", "acknowledged");
    }

    private UnitOfWork Work() =>
        new(Store.Factory, new WriteGate(serialise: true), Store.Plan, Store.Time, NullLogger.Instance, _cache);
}
