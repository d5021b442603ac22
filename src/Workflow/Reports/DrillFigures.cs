using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>
/// The drills of a summary window, kept apart from every real figure: which drills were started in the window, how
/// fast each ladder level acknowledged its pages, and who took part (anyone who did something on a drill's timeline).
/// </summary>
internal static class DrillFigures
{
    public static DrillSummary Compute(
        ResponsePlan plan, IReadOnlyList<Incident> drills, ILookup<int, TimelineEntry> entries, DateTimeOffset start, DateTimeOffset end)
    {
        var run = drills.Where(d => d.ReportedAt >= start && d.ReportedAt < end).OrderBy(d => d.Number).ToList();
        if (run.Count == 0)
            return DrillSummary.None;

        var top = plan.Escalation.Top;
        var pages = new int[top];
        var acknowledged = Enumerable.Range(0, top).Select(_ => new List<TimeSpan>()).ToArray();
        var people = new List<string>();
        foreach (var drill in run)
        {
            var level = 1;
            DateTimeOffset? pagedAt = null;
            foreach (var entry in entries[drill.Number])
            {
                switch (entry.Action)
                {
                    case "reported" or "reopened":
                        (level, pagedAt) = (1, entry.At);
                        pages[0]++;
                        break;
                    case "escalated":
                        (level, pagedAt) = (Math.Min(level + 1, top), entry.At);
                        pages[level - 1]++;
                        break;
                    case "acknowledged" when pagedAt is { } paged:
                        acknowledged[level - 1].Add(entry.At - paged);
                        pagedAt = null;
                        break;
                }

                if (entry.ActorId != Actor.Timer.Id && !people.Contains(entry.ActorName, StringComparer.Ordinal))
                    people.Add(entry.ActorName);
            }
        }

        var levels = plan.Escalation.Levels.Select((l, k) => new DrillLevel(l.Id, l.Name, pages[k], DurationStats.Of(acknowledged[k])))
            .Where(l => l.Paged > 0).ToList();
        var refs = run.Select(d => new IncidentRef(d.Number, d.IsPrivate ? IncidentRef.PrivateTitle : d.Title, d.NeedsTriage ? Incident.TriageLabel : d.SeverityId)).ToList();
        return new DrillSummary(refs, levels, people);
    }
}

/// <summary>The drills of a window: those started in it, each ladder level's pages and acknowledgements, who took part.</summary>
public sealed record DrillSummary(IReadOnlyList<IncidentRef> Run, IReadOnlyList<DrillLevel> Levels, IReadOnlyList<string> People)
{
    public static DrillSummary None { get; } = new([], [], []);
}

/// <summary>How often a ladder level was paged during drills, and how fast it acknowledged (pages left to time out are not in it).</summary>
public sealed record DrillLevel(string LevelId, string LevelName, int Paged, DurationStats Acknowledged);
