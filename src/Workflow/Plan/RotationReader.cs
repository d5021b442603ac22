using System.Globalization;
using Jivrus.IncidentBot.Workflow.OnCall;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;
using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>Reads <c>rotations:</c>, checking every person against the plan's people and every id for duplicates.</summary>
internal static class RotationReader
{
    private static readonly Dictionary<string, RotationShift> Shifts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["12h"] = RotationShift.TwelveHours,
        ["1d"] = RotationShift.Day,
        ["1w"] = RotationShift.Week,
        ["2w"] = RotationShift.TwoWeeks,
    };

    // declared: every rotation id the file declares, even on entries with other errors, so the ladder check does
    // not report such a rotation as unknown as well.
    public static List<Rotation> Read(
        YamlMap root, TimeZoneInfo? planZone, IReadOnlyDictionary<string, string> people, PlanErrorList errors, out IReadOnlyDictionary<string, string> declared)
    {
        var result = new List<Rotation>();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        declared = ids;
        var items = root.List("rotations");
        if (items is null)
            return result;

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var item in items)
        {
            number++;
            var map = YamlMap.From(item, $"rotation #{number}", errors);
            if (map is null)
                continue;
            var id = map.Text("id");
            if (id is not null)
                map.Context = $"rotation {id}";
            map.AllowOnly("id", "name", "people", "shift", "handoff", "timeZone", "start", "slackUserGroup");
            map.Get("id", required: true);
            if (id is not null)
            {
                if (seen.TryGetValue(id, out var firstLine))
                    errors.Add(map.Get("id")!, $"duplicate rotation '{id}' (first defined on line {firstLine})");
                else
                    seen[id] = PlanErrorList.LineOf(map.Get("id")!);
                ids.TryAdd(id, id);
            }

            var rotation = ReadOne(map, id, planZone, people, errors);
            if (rotation is not null)
                result.Add(rotation);
        }

        return result;
    }

    private static Rotation? ReadOne(YamlMap map, string? id, TimeZoneInfo? planZone, IReadOnlyDictionary<string, string> people, PlanErrorList errors)
    {
        var members = ReadPeople(map, people, errors);
        var shift = ReadShift(map, errors);
        var zone = ReadZone(map, planZone, errors);
        var start = ReadStart(map, errors);
        var handoff = shift is null ? null : ReadHandoff(map, shift.Value, errors);
        if (id is null || members is null || shift is null || zone is null || start is null || handoff is null)
            return null;
        return new Rotation
        {
            Id = id,
            Name = map.Text("name") ?? id,
            People = members,
            Shift = shift.Value,
            HandoffDay = handoff.Value.Day,
            HandoffTime = handoff.Value.Time,
            TimeZone = zone,
            Start = start.Value,
            SlackUserGroup = map.Text("slackUserGroup"),
        };
    }

    private static List<string>? ReadPeople(YamlMap map, IReadOnlyDictionary<string, string> people, PlanErrorList errors)
    {
        var items = map.List("people", required: true);
        if (items is null)
            return null;
        if (items.Count == 0)
        {
            errors.Add(map.Get("people")!, $"{map.Context} has no people; name at least one person to take turns");
            return null;
        }

        var result = new List<string>();
        foreach (var item in items)
        {
            var personId = (item as YamlScalarNode)?.Value ?? "";
            if (people.TryGetValue(personId, out var canonical))
                result.Add(canonical);
            else
                errors.Add(item, $"unknown person '{personId}' in {map.Context}");
        }

        return result.Count == items.Count ? result : null;
    }

    private static RotationShift? ReadShift(YamlMap map, PlanErrorList errors)
    {
        var text = map.Text("shift", required: true);
        if (text is null)
            return null;
        if (Shifts.TryGetValue(text.Trim(), out var shift))
            return shift;
        errors.Add(map.Get("shift")!, $"{map.Context}.shift '{text}' must be 12h, 1d, 1w or 2w");
        return null;
    }

    private static (IsoDayOfWeek? Day, LocalTime Time)? ReadHandoff(YamlMap map, RotationShift shift, PlanErrorList errors)
    {
        var text = map.Text("handoff", required: true);
        if (text is null)
            return null;
        var weekly = shift is RotationShift.Week or RotationShift.TwoWeeks;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (weekly && parts.Length == 2 && PlanText.TryParseDay(parts[0], out var day) && PlanText.TryParseTime(parts[1], out var weeklyTime))
            return (day.ToIsoDayOfWeek(), LocalTime.FromTimeOnly(weeklyTime));
        if (!weekly && parts.Length == 1 && PlanText.TryParseTime(parts[0], out var time))
            return (null, LocalTime.FromTimeOnly(time));
        errors.Add(map.Get("handoff")!, weekly
            ? $"{map.Context}.handoff '{text}' must be a day and a time, e.g. \"Mon 09:00\""
            : $"{map.Context}.handoff '{text}' must be a time of day, e.g. \"09:00\" (a {ShiftText(shift)} rotation hands over every day)");
        return null;
    }

    private static DateTimeZone? ReadZone(YamlMap map, TimeZoneInfo? planZone, PlanErrorList errors)
    {
        var id = map.Text("timeZone");
        if (id is null)
            return planZone is null ? null : ZoneOf(planZone.Id);
        if (ZoneOf(id.Trim()) is { } zone)
            return zone;
        errors.Add(map.Get("timeZone")!, $"unknown time zone '{id}' in {map.Context} (use an IANA id such as Europe/London)");
        return null;
    }

    /// <summary>The IANA zone of an id the plan's <c>timeZone</c> accepted (a Windows id is mapped to its IANA id).</summary>
    public static DateTimeZone? ZoneOf(string id) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
        ?? (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(iana) : null);

    private static LocalDate? ReadStart(YamlMap map, PlanErrorList errors)
    {
        var text = map.Text("start", required: true);
        if (text is null)
            return null;
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (parsed.Success)
            return parsed.Value;
        errors.Add(map.Get("start")!, $"{map.Context}.start '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-07");
        return null;
    }

    public static string ShiftText(RotationShift shift) => Shifts.First(s => s.Value == shift).Key.ToString(CultureInfo.InvariantCulture);
}
