using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.OnCall;

/// <summary>
/// The iCalendar document of a rotation's feed: one event per turn for the next <see cref="Days"/> days, overrides
/// applied. Pure: the host serves it behind a signed link. Times are UTC, so no reader has to know the zone's rules.
/// </summary>
public static class OnCallCalendar
{
    public const int Days = 90;

    public static string Document(ResponsePlan plan, OnCallRoster roster, string rotationId, DateTimeOffset now)
    {
        var rotation = roster.FindRotation(rotationId) ?? throw new KeyNotFoundException($"The plan has no rotation '{rotationId}'.");
        var calendar = new Calendar { ProductId = "-//Jivrus Technologies//IncidentBot//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"{rotation.Name} on call");
        calendar.AddProperty("X-WR-TIMEZONE", rotation.TimeZone.Id);
        // The feed starts with the shift under way, so a calendar shows it whole rather than from the moment it was read.
        var from = new RotationClock(rotation).ShiftAt(now).From;
        foreach (var turn in roster.Turns(rotation.Id, from, now.AddDays(Days)))
        {
            var name = OnCallText.Name(plan, turn.PersonId);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{rotation.Id}-{turn.From.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}{(turn.Override is { } o ? $"-override-{o.Id}" : "")}@incidentbot",
                Summary = turn.Override is { } cover ? $"{name} on call: {rotation.Name} (override {cover.Label})" : $"{name} on call: {rotation.Name}",
                Description = $"{name} is on call for {rotation.Name} ({rotation.Id}).",
                DtStart = Utc(turn.From),
                DtEnd = Utc(turn.Until),
                DtStamp = Utc(now),
                Transparency = "TRANSPARENT",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime, "UTC");
}
