using System.Globalization;
using System.Text;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>The drills part of the summary post: what was practised, each level's acknowledgements, who took part.</summary>
internal static class DrillText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // name: how the summary names an incident (id, title, severity).
    public static string Render(DrillSummary drills, Func<IncidentRef, string> name)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Drills ({drills.Run.Count}, not in the figures above): {string.Join(", ", drills.Run.Select(name))}");
        foreach (var level in drills.Levels)
            text.Append("\n  ").Append(Level(level));
        text.Append("\n  Took part: ").Append(drills.People.Count == 0 ? "nobody" : string.Join(", ", drills.People));
        return text.ToString();
    }

    private static string Level(DrillLevel level)
    {
        var acked = level.Acknowledged;
        var speed = acked.Count == 0 ? "" : $", median {DurationText.Elapsed(acked.Median!.Value)} · p90 {DurationText.Elapsed(acked.P90!.Value)}";
        return string.Create(Invariant, $"{level.LevelId} {level.LevelName}: paged {level.Paged} · acknowledged {acked.Count}{speed}");
    }
}
