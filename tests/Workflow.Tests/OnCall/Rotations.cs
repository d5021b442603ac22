using Jivrus.IncidentBot.Workflow.OnCall;
using NodaTime;

namespace Jivrus.IncidentBot.Workflow.Tests.OnCall;

/// <summary>Rotations built in code for the on-call tests.</summary>
internal static class Rotations
{
    public static Rotation Of(
        string zone, RotationShift shift, string handoff, string start, string[]? people = null, string id = "support", IsoDayOfWeek? day = null) => new()
        {
            Id = id,
            Name = "Support on-call",
            People = people ?? ["ana", "ben", "chen"],
            Shift = shift,
            HandoffDay = shift is RotationShift.Week or RotationShift.TwoWeeks ? day ?? IsoDayOfWeek.Monday : null,
            HandoffTime = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(handoff).Value,
            TimeZone = DateTimeZoneProviders.Tzdb[zone],
            Start = NodaTime.Text.LocalDatePattern.Iso.Parse(start).Value,
        };

    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text + "Z", System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
}
