using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Bench.TimerBench;

/// <summary>
/// Fills the database with open incidents quickly: reported at level 1 (sev2, a calendar clock, so nothing
/// waits for business hours), each with its timeline entry and the timers the plan gives it, inserted in
/// batches through the DbContext rather than one Desk transaction per incident.
/// </summary>
internal static class Seeder
{
    private const int Batch = 2000;
    private static readonly Actor Reporter = Actor.Employee("U0BENCH", "Bench");

    /// <summary>Adds incidents <paramref name="first"/>..; <paramref name="dueAt"/> says when each one's timers fall due.</summary>
    public static async Task AddAsync(BenchHost host, int first, int count, Func<int, TimerKind, DateTimeOffset> dueAt)
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
                incident.CompleteChange();
                db.Incidents.Add(incident);
                db.Timeline.AddRange(incident.NewTimelineEntries);
                foreach (var (kind, _) in planner.Plan(incident))
                    db.Timers.Add(new IncidentTimer(number, kind, dueAt(number, kind), incident.Version));
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Makes one not-yet-fired timer due now in each of <paramref name="count"/> different incidents, picked at
    /// random over the table. One per incident: firing re-plans the incident, which would retire a second one.
    /// </summary>
    public static async Task<int> MakeDueAsync(BenchHost host, int count, DateTimeOffset due)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        var candidates = await db.Timers
            .Where(t => t.Kind == TimerKind.AckReminder || t.Kind == TimerKind.ResolveWarning)
            .OrderBy(_ => EF.Functions.Random())
            .Select(t => new { t.Id, t.IncidentNumber })
            .Take(count * 4)
            .ToListAsync();
        var ids = candidates.DistinctBy(t => t.IncidentNumber).Take(count).Select(t => t.Id).ToList();
        return await db.Timers.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, due));
    }
}
