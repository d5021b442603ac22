using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Bench.TimerBench;

/// <summary>
/// Fills the database with open incidents quickly: reported at level 1 (sev2, a calendar clock, so nothing
/// waits for business hours), each with its timeline entry and its timer row (its next deadline, as the Desk
/// stores it), inserted in batches through the DbContext rather than one Desk transaction per incident.
/// </summary>
internal static class Seeder
{
    private const int Batch = 2000;
    private static readonly Actor Reporter = Actor.Employee("U0BENCH", "Bench");

    /// <summary>
    /// Adds incidents <paramref name="first"/>..; <paramref name="dueAt"/> says when each one's timers fall due. With
    /// <paramref name="closed"/> each is resolved and closed as well (a timeline entry for each step, no timer left).
    /// </summary>
    public static async Task AddAsync(BenchHost host, int first, int count, Func<int, TimerKind, DateTimeOffset> dueAt, bool closed = false)
    {
        var planner = new TimerPlanner(host.Plan, new Jivrus.IncidentBot.Workflow.Sla.SlaCalculator(host.Plan));
        var context = new IncidentContext(host.Plan, TimeProvider.System.GetUtcNow());
        for (var start = first; start < first + count; start += Batch)
        {
            await using var db = await host.Db.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var end = Math.Min(start + Batch, first + count);
            for (var number = start; number < end; number++)
            {
                var incident = Incident.Report(number, new IncidentReport($"Bench incident {number}", "sev2"), Reporter, context);
                db.Incidents.Add(incident);
                db.Timeline.AddRange(incident.NewTimelineEntries);
                if (closed)
                    Close(db, incident, context);
                if (planner.Next(incident) is { } next)
                    db.Timers.Add(new IncidentTimer(number, next.Kind, dueAt(number, next.Kind), incident.Version));
            }

            await db.SaveChangesAsync();
        }
    }

    // Resolved, then closed (sev2 needs no RCA), each step its own change as the Desk makes it.
    private static void Close(IncidentDbContext db, Incident incident, IncidentContext context)
    {
        foreach (var step in new Func<Incident, Outcome>[] { i => i.Resolve(Reporter, "Bench history"), i => i.Close(Reporter) })
        {
            if (incident.Change(context, step).Kind != OutcomeKind.Accepted)
                throw new InvalidOperationException($"{incident.Id} could not be closed: it is {incident.State}.");
            db.Timeline.AddRange(incident.NewTimelineEntries);
        }
    }

    /// <summary>
    /// Makes the timer of <paramref name="count"/> different incidents due now, picked at random over the table
    /// (each incident has one timer row; summary timers, under incident 0, are left alone).
    /// </summary>
    public static async Task<int> MakeDueAsync(BenchHost host, int count, DateTimeOffset due)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        var candidates = await db.Timers
            .Where(t => t.Subject == TimerSubject.Incident)
            .OrderBy(_ => EF.Functions.Random())
            .Select(t => new { t.Id, t.SubjectId })
            .Take(count * 4)
            .ToListAsync();
        var ids = candidates.DistinctBy(t => t.SubjectId).Take(count).Select(t => t.Id).ToList();
        return await db.Timers.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, due));
    }
}
