using System.Globalization;
using Jivrus.IncidentBot.Workflow.Sla;

namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>
/// An expected-fix time as a person gave it: a while from now (<c>eta 2h</c>) or a time of day in the plan's
/// time zone (<c>eta 17:30</c>, meaning the next time the clocks there show 17:30). It becomes an instant when
/// the update is posted, so a retried transaction and the timeline agree on one moment.
/// </summary>
public sealed record EtaPromise
{
    private EtaPromise(TimeSpan? after, TimeOnly? at)
    {
        After = after;
        At = at;
    }

    /// <summary>How long from the update, when the ETA was given as a duration.</summary>
    public TimeSpan? After { get; }

    /// <summary>The time of day in the plan's zone, when the ETA was given as a clock time.</summary>
    public TimeOnly? At { get; }

    public static EtaPromise In(TimeSpan after) => new(after, null);

    public static EtaPromise ClockTime(TimeOnly at) => new(null, at);

    /// <summary>The instant this ETA names, for an update posted at <paramref name="now"/>.</summary>
    public DateTimeOffset From(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (After is { } after)
            return now + after;
        var local = WallClock.ToLocal(now, zone);
        var candidate = local.Date + At!.Value.ToTimeSpan();
        if (candidate <= local)
            candidate = candidate.AddDays(1);
        return WallClock.ToUtc(candidate, zone);
    }

    /// <summary>
    /// How an ETA reads everywhere it is shown in text: the time of day in the plan's zone, with the day when
    /// it is not today there ("17:30 (Asia/Kolkata)", "Sun 6 Dec 17:30 (Asia/Kolkata)").
    /// </summary>
    public static string Describe(DateTimeOffset eta, DateTimeOffset now, TimeZoneInfo zone) => WallClock.Describe(eta, now, zone);
}
