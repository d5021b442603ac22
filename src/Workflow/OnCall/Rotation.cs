using NodaTime;

namespace Jivrus.IncidentBot.Workflow.OnCall;

/// <summary>
/// A rotation of the plan: <see cref="People"/> take turns, one <see cref="Shift"/> each, handing over at
/// <see cref="HandoffTime"/> (on <see cref="HandoffDay"/> for weekly shifts) in <see cref="TimeZone"/>. The first
/// shift, <see cref="People"/>[0]'s, starts at the first handoff on or after <see cref="Start"/>.
/// </summary>
public sealed record Rotation
{
    /// <summary>How a ladder level names a rotation among its responders: <c>rotation:support</c>.</summary>
    public const string ResponderPrefix = "rotation:";

    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Person ids in turn; at least one.</summary>
    public required IReadOnlyList<string> People { get; init; }
    public required RotationShift Shift { get; init; }

    /// <summary>The handoff day of weekly and fortnightly shifts; null for 12h and 1d shifts.</summary>
    public IsoDayOfWeek? HandoffDay { get; init; }
    public required LocalTime HandoffTime { get; init; }
    public required DateTimeZone TimeZone { get; init; }
    public required LocalDate Start { get; init; }

    /// <summary>The Slack user group kept equal to whoever is on call; null when none.</summary>
    public string? SlackUserGroup { get; init; }

    /// <summary>The rotation id a responder entry names, or null when it names a person.</summary>
    public static string? IdOf(string responder) =>
        responder.StartsWith(ResponderPrefix, StringComparison.OrdinalIgnoreCase) ? responder[ResponderPrefix.Length..] : null;
}

/// <summary>The shift lengths a rotation may have.</summary>
public enum RotationShift
{
    TwelveHours,
    Day,
    Week,
    TwoWeeks,
}
