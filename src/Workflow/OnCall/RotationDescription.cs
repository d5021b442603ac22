using System.Globalization;
using System.Text;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.OnCall;

/// <summary>What <c>plan check</c> says about the rotations: each one, its next four shifts, and its DST surprises.</summary>
public static class RotationDescription
{
    /// <summary>How far ahead <see cref="Warnings"/> looks for handoffs the clocks skip.</summary>
    public static readonly TimeSpan WarningHorizon = TimeSpan.FromDays(366);

    /// <summary>The rotations and who is on for the next four shifts from <paramref name="now"/>; empty without rotations.</summary>
    public static string Describe(ResponsePlan plan, DateTimeOffset now)
    {
        if (plan.Rotations.Count == 0)
            return "";
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Rotations (next four shifts):");
        foreach (var rotation in plan.Rotations)
        {
            var handoff = (rotation.HandoffDay is { } day ? day.ToString()[..3] + " " : "") + rotation.HandoffTime.ToString("HH:mm", CultureInfo.InvariantCulture);
            var group = rotation.SlackUserGroup is { } g ? $", Slack user group {g}" : "";
            text.AppendLine($"  {rotation.Id} · {rotation.Name}: {string.Join(", ", rotation.People.Select(p => OnCallText.Name(plan, p)))} in turn, "
                + $"{RotationReader.ShiftText(rotation.Shift)} shifts, handoff {handoff} {rotation.TimeZone.Id}, from {rotation.Start:yyyy-MM-dd}{group}");
            var clock = new RotationClock(rotation);
            var k = clock.IndexAt(now);
            for (var i = 0; i < 4; i++)
            {
                var turn = clock.TurnOf(k + i);
                text.AppendLine($"    {Local(rotation, turn.From)} - {Local(rotation, turn.Until)}  {OnCallText.Name(plan, turn.PersonId)}");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// One line per handoff in the coming year that falls in a gap of the clocks (a spring-forward night): it
    /// happens at the end of the gap instead. Not an error: the rotation still works, a shift is just shorter.
    /// </summary>
    public static IReadOnlyList<string> Warnings(ResponsePlan plan, DateTimeOffset now)
    {
        var warnings = new List<string>();
        foreach (var rotation in plan.Rotations)
        {
            var clock = new RotationClock(rotation);
            for (var k = clock.IndexAt(now); clock.Handoff(k) < now + WarningHorizon; k++)
            {
                if (!clock.IsSkipped(k))
                    continue;
                var local = clock.LocalHandoff(k);
                warnings.Add($"rotation {rotation.Id}: the handoff at {local:HH:mm} does not exist on {local:yyyy-MM-dd} in {rotation.TimeZone.Id} "
                    + $"(the clocks skip it); that shift changes hands at {NodaTime.Instant.FromDateTimeOffset(clock.Handoff(k)).InZone(rotation.TimeZone):HH:mm} instead.");
            }
        }

        return warnings;
    }

    private static string Local(Rotation rotation, DateTimeOffset at) =>
        NodaTime.Instant.FromDateTimeOffset(at).InZone(rotation.TimeZone).ToString("yyyy-MM-dd ddd HH:mm", CultureInfo.InvariantCulture);
}
