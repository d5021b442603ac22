using System.Text;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;

namespace Jivrus.IncidentBot.Workflow.OnCall;

/// <summary>The sentences of <c>/oncall</c>, overrides and handoffs, in each rotation's own time zone.</summary>
public static class OnCallText
{
    /// <summary>
    /// <c>/oncall [rotation]</c>: who each ladder level pages now (rotations resolved, overrides marked), then the next
    /// handoff of each rotation. With <paramref name="rotationId"/>, that rotation alone and its next four turns.
    /// </summary>
    public static string Now(ResponsePlan plan, OnCallRoster roster, DateTimeOffset now, string? rotationId = null)
    {
        var text = new StringBuilder();
        if (rotationId is not null && roster.FindRotation(rotationId) is { } only)
        {
            text.AppendLine($"{only.Name} ({only.Id}): {Turn(plan, roster.At(only.Id, now))}, until {When(only, roster.At(only.Id, now).Until, now)}.");
            text.Append("Next: ");
            var next = roster.Turns(only.Id, roster.At(only.Id, now).Until, DateTimeOffset.MaxValue.AddYears(-1)).Take(4);
            text.Append(string.Join("; ", next.Select(t => $"{Turn(plan, t)} from {When(only, t.From, now)}")));
            text.Append('.');
            return text.ToString();
        }

        text.AppendLine("On call now:");
        var number = 0;
        foreach (var level in plan.Escalation.Levels)
        {
            number++;
            var people = level.Responders.Select(r => Rotation.IdOf(r) is { } id && roster.FindRotation(id) is not null
                ? $"{Turn(plan, roster.At(id, now))} ({id})"
                : Name(plan, r));
            var label = string.Equals(level.Id, level.Name, StringComparison.OrdinalIgnoreCase) ? level.Name : $"{level.Name} ({level.Id})";
            text.AppendLine($"{number}. {label}: {string.Join(", ", people)}");
        }

        var rotations = roster.Rotations.ToList();
        if (rotations.Count == 0)
            return text.ToString().TrimEnd();
        text.AppendLine("Next handoffs:");
        foreach (var rotation in rotations)
        {
            var current = roster.At(rotation.Id, now);
            var next = roster.At(rotation.Id, current.Until);
            text.AppendLine($"- {rotation.Name}: {Name(plan, next.PersonId)} takes over from {Name(plan, current.PersonId)} at {When(rotation, current.Until, now)}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>"Ana", or "Ben (override #3)" when an override holds the turn.</summary>
    public static string Turn(ResponsePlan plan, Turn turn) =>
        turn.Override is { } cover ? $"{Name(plan, turn.PersonId)} (override {cover.Label})" : Name(plan, turn.PersonId);

    public static string Name(ResponsePlan plan, string personId) => plan.FindPerson(personId)?.Name ?? personId;

    /// <summary>An instant as the rotation's wall clock shows it ("Mon 14 Dec 09:00 (Europe/London)").</summary>
    public static string When(Rotation rotation, DateTimeOffset at, DateTimeOffset now) =>
        WallClock.Describe(at, now, Zone(rotation));

    private static TimeZoneInfo Zone(Rotation rotation) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(rotation.TimeZone.Id, out var zone) ? zone : TimeZoneInfo.Utc;
}
