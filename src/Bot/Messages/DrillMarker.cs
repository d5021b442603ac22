using Jivrus.IncidentBot.Workflow.Desk;

namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>
/// How a drill is marked, the same in every post, page, reminder, card title and reply: <c>[DRILL]</c> before the
/// words, so nobody woken at 3 a.m. by a practice page mistakes it for an outage, or the other way round.
/// </summary>
public static class DrillMarker
{
    public const string Text = "[DRILL]";

    /// <summary><paramref name="text"/> with the marker in front when <paramref name="incident"/> is a drill (once, however often it passes here).</summary>
    public static string Mark(string text, IncidentView? incident)
    {
        ArgumentNullException.ThrowIfNull(text);
        return incident is { IsDrill: true } && !text.StartsWith(Text, StringComparison.Ordinal) ? $"{Text} {text}" : text;
    }
}
