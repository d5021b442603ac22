using System.Globalization;
using System.Text;
using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Reports;

/// <summary>
/// The corrective actions in a summary: the open actions overdue at the end of the window, per owner, and of the
/// actions done in the window with a due date, how many were done by it. Drills' actions are in neither.
/// </summary>
public sealed record ActionFigures(IReadOnlyList<OverdueActions> Overdue, int DoneWithDue, int DoneOnTime)
{
    public static ActionFigures None { get; } = new([], 0, 0);

    /// <summary>Done on time as a share of <see cref="DoneWithDue"/>; null when none was done.</summary>
    public double? OnTimePercent => DoneWithDue == 0 ? null : 100.0 * DoneOnTime / DoneWithDue;

    /// <summary>Reads the figures of the window <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static async Task<ActionFigures> ReadAsync(IncidentDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A drill's actions are practice too: like its times, they stay out of the real figures.
        var actions = db.Actions.AsNoTracking().Where(a => !db.Incidents.Any(i => i.Number == a.IncidentNumber && i.IsDrill));
        var overdue = await actions
            .Where(a => a.State == ActionState.Open && a.DueAt != null && a.DueAt <= end && a.CreatedAt < end)
            .OrderBy(a => a.IncidentNumber).ThenBy(a => a.Number)
            .Select(a => new { a.IncidentNumber, a.Number, a.OwnerName })
            .ToListAsync(ct);
        var done = await actions
            .Where(a => a.State == ActionState.Done && a.DueAt != null && a.ClosedAt >= start && a.ClosedAt < end)
            .Select(a => new { a.DueAt, a.ClosedAt })
            .ToListAsync(ct);
        var byOwner = overdue.GroupBy(a => a.OwnerName ?? "no owner")
            .Select(g => new OverdueActions(g.Key, g.Select(a => $"{Incidents.IncidentId.Format(a.IncidentNumber)} #{a.Number}").ToList()))
            .OrderByDescending(o => o.Actions.Count).ThenBy(o => o.Owner, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ActionFigures(byOwner, done.Count, done.Count(a => a.ClosedAt <= a.DueAt));
    }

    /// <summary>The summary's lines about actions; nothing when there is nothing to say.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        if (Overdue.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"\nCorrective actions overdue ({Overdue.Sum(o => o.Actions.Count)}): ")
                .AppendJoin("; ", Overdue.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Owner} {o.Actions.Count} ({string.Join(", ", o.Actions)})")));
        if (OnTimePercent is { } percent)
            text.Append(CultureInfo.InvariantCulture,
                $"\nCorrective actions done on time: {DoneOnTime} of {DoneWithDue} ({Math.Round(percent, MidpointRounding.AwayFromZero)}%)");
        return text.ToString();
    }
}

/// <summary>One owner's overdue actions (<c>INC-7 #2</c>), in incident order.</summary>
public sealed record OverdueActions(string Owner, IReadOnlyList<string> Actions);
