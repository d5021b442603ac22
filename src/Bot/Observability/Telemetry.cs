using System.Diagnostics;
using Jivrus.IncidentBot.Workflow.Observability;

namespace Jivrus.IncidentBot.Bot.Observability;

/// <summary>
/// The bot's trace source: one span per command turn, per outbox delivery and per timer fire. Names are fixed words
/// (what happened), the details are tags, so a trace backend can group by name.
/// </summary>
internal static class Telemetry
{
    public const string SourceName = WorkflowMetrics.MeterName;

    /// <summary>A person's command or button press, from the route entry to the reply.</summary>
    public const string Turn = "incidentbot.turn";

    /// <summary>One outbox message (or storm digest) delivered to every enabled channel.</summary>
    public const string Delivery = "incidentbot.outbox.deliver";

    /// <summary>One claimed timer fired through the desk.</summary>
    public const string TimerFire = "incidentbot.timer.fire";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>AcknowledgeCommand → acknowledge: the command's tag on a turn span.</summary>
    public static string CommandName(object command)
    {
        var name = command.GetType().Name;
        return (name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length] : name).ToLowerInvariant();
    }
}
