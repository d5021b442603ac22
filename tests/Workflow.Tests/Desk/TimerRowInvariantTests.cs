using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

/// <summary>
/// Random lives of incidents (commands by the plan's people, time passing, due timers fired the way the host fires
/// them): after every step each incident's timer rows are exactly its next planned deadline, stamped with its
/// current version, and nothing is left due once the due timers were fired.
/// </summary>
public sealed class TimerRowInvariantTests : SqliteStoreTest
{
    private static readonly string[] Severities = ["sev1", "sev2", "sev3", "sev4"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task EveryStep_LeavesEachIncidentItsNextDeadlineAsItsOnlyTimer(int seed)
    {
        var random = new Random(seed);
        var planner = new TimerPlanner(Store.Plan, new SlaCalculator(Store.Plan));
        var claims = new TimerClaims(Store.Factory, new WriteGate(serialise: true));
        var incidents = 0;
        var fired = 0;
        for (var step = 0; step < 120; step++)
        {
            var roll = random.Next(100);
            if (incidents == 0 || roll < 12)
            {
                var result = await Store.Desk.ReportAsync(People.Eve, new IncidentReport($"Incident {step}", Severities[random.Next(Severities.Length)]));
                result.Status.Should().Be(DeskStatus.Done);
                incidents++;
            }
            else if (roll < 40)
            {
                Store.Time.Advance(TimeSpan.FromMinutes(random.Next(1, 240)));
                fired += await FireDueAsync(claims);
            }
            else
            {
                await CommandAsync(random, random.Next(1, incidents + 1));
            }

            await ExpectNextDeadlineRowsAsync(planner, step);
        }

        fired.Should().BePositive("the scenario is long enough for deadlines to pass");
    }

    private async Task CommandAsync(Random random, int number)
    {
        var desk = Store.Desk;
        _ = random.Next(13) switch
        {
            0 => await desk.AcknowledgeAsync(random.Next(2) == 0 ? People.Ana : People.Dana, number),
            1 => await desk.UpdateAsync(People.Ana, number, "Looking", random.Next(2) == 0 ? TimeSpan.FromMinutes(random.Next(5, 90)) : null),
            2 => await desk.SnoozeUpdatesAsync(People.Ana, number, TimeSpan.FromMinutes(15)),
            3 => await desk.ChangeSeverityAsync(People.Ana, number, Severities[random.Next(Severities.Length)]),
            4 => await desk.AssignAsync(People.Dana, number, "chen"),
            5 => await desk.MitigateAsync(People.Ana, number, "Rolled back"),
            6 => await desk.EscalateAsync(People.Eve, number, "no answer"),
            7 => await desk.ResolveAsync(People.Ana, number, "Fixed"),
            8 => await desk.CloseAsync(People.Ana, number),
            9 => await desk.SubmitRcaAsync(People.Ana, number, "A bad deploy", "Add a canary"),
            10 => await desk.WaiveRcaAsync(People.Dana, number, "Known cause"),
            11 => await desk.CancelAsync(People.Ana, number, "false alarm"),
            _ => await desk.ReopenAsync(People.Ana, number),
        };
    }

    /// <summary>Claims the due timers and fires them, claiming again until none is due, as a host's tick does.</summary>
    private async Task<int> FireDueAsync(TimerClaims claims)
    {
        var fired = 0;
        for (var round = 0; round < 1000; round++)
        {
            var due = await claims.ClaimDueAsync(Store.Time.GetUtcNow(), 100, TimeSpan.FromMinutes(1));
            if (due.Count == 0)
                return fired;
            foreach (var timer in due)
            {
                var result = await Store.Desk.FireTimerAsync(timer);
                result.Should().BeOneOf(TimerResult.Fired, TimerResult.Postponed);
                if (result == TimerResult.Fired)
                    fired++;
            }
        }

        throw new InvalidOperationException("Timers kept falling due.");
    }

    private async Task ExpectNextDeadlineRowsAsync(TimerPlanner planner, int step)
    {
        await using var db = await Store.OpenAsync();
        var timers = await db.Timers.AsNoTracking().Where(t => t.Subject == TimerSubject.Incident).ToListAsync();
        foreach (var incident in await db.Incidents.AsNoTracking().ToListAsync())
        {
            var rows = timers.Where(t => t.IncidentNumber == incident.Number).ToList();
            var because = $"step {step}: INC-{incident.Number} is {incident.State} at version {incident.Version}";
            if (planner.Next(incident) is not { } next)
            {
                rows.Should().BeEmpty(because);
                continue;
            }

            rows.Should().ContainSingle(because);
            rows[0].SubjectVersion.Should().Be(incident.Version, because);
            rows[0].Kind.Should().Be(next.Kind, because);
            // A business-hours deadline that fell due out of hours waits for the next opening instead.
            if (rows[0].DueAt != next.DueAt)
                rows[0].DueAt.Should().BeAfter(next.DueAt, because);
        }
    }
}
