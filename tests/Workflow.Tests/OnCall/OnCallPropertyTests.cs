using CsCheck;
using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;
using NodaTime;

namespace Jivrus.IncidentBot.Workflow.Tests.OnCall;

/// <summary>
/// Random rotations, overrides and instants across a month with a DST change, against a reference model that walks
/// the wall clock with <see cref="TimeZoneInfo"/> (not NodaTime) and scans every override.
/// </summary>
public sealed class OnCallPropertyTests
{
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Sydney"];
    private static readonly string[] People = ["ana", "ben", "chen", "dana"];

    // March 2027 (spring forward in London and New York), October-November 2027 (fall back; Sydney springs forward).
    private static readonly DateTimeOffset[] Months = [new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 10, 15, 0, 0, 0, TimeSpan.Zero)];

    private static readonly Gen<Rotation> RotationGen =
        from zone in Gen.Int[0, Zones.Length - 1]
        from shift in Gen.Enum<RotationShift>()
        from day in Gen.Int[1, 7]
        from hour in Gen.OneOf(Gen.Int[0, 23], Gen.Const(1), Gen.Const(2))
        from minute in Gen.OneOf(Gen.Const(0), Gen.Const(30), Gen.Int[0, 59])
        from count in Gen.Int[1, People.Length]
        from month in Gen.Int[0, Months.Length - 1]
        from startOffset in Gen.Int[-20, 20]
        select new Rotation
        {
            Id = "r",
            Name = "R",
            People = People.Take(count).ToList(),
            Shift = shift,
            HandoffDay = shift is RotationShift.Week or RotationShift.TwoWeeks ? (IsoDayOfWeek)day : null,
            HandoffTime = new LocalTime(hour, minute),
            TimeZone = DateTimeZoneProviders.Tzdb[Zones[zone]],
            Start = LocalDate.FromDateTime(Months[month].UtcDateTime).PlusDays(startOffset),
        };

    [Fact]
    public void WhoIsOn_MatchesTheReferenceModel_AtEveryInstantOfASimulatedMonth()
    {
        var overrideGen =
            from begin in Gen.Int[0, 30 * 24 * 60]
            from length in Gen.Int[1, 3 * 24 * 60]
            from made in Gen.Int[0, 30 * 24 * 60]
            from person in Gen.Int[0, People.Length - 1]
            from cancelled in Gen.Int[0, 5]
            select (begin, length, made, person, cancelled == 0);
        var gen = Gen.Select(RotationGen, overrideGen.Array[0, 5], Gen.Int[0, 30 * 24 * 60].Array[20, 60]);

        gen.Sample((rotation, overrides, instants) =>
        {
            var month = Months.OrderBy(m => Math.Abs((LocalDate.FromDateTime(m.UtcDateTime) - rotation.Start).Days)).First();
            var rows = overrides.Select((o, i) =>
            {
                var row = new OnCallOverride("r", People[o.person], month.AddMinutes(o.begin), month.AddMinutes(o.begin + o.length), "ana", month.AddMinutes(o.made), id: i + 1);
                if (o.Item5)
                    row.Cancel("ana", month.AddMinutes(o.made + 1));
                return row;
            }).ToList();
            var roster = new OnCallRoster([rotation], rows);
            var level = new EscalationLevel("L1", "Support", ["rotation:r", "dana"]);

            foreach (var minutes in instants)
            {
                var at = month.AddMinutes(minutes);
                var expected = Reference(rotation, rows, at);
                var actual = roster.At("r", at).PersonId;
                if (actual != expected)
                    return false;
                if (!roster.Responders(level, at).SequenceEqual(new[] { expected, "dana" }.Distinct()))
                    return false;
            }

            return true;
        }, iter: 300);
    }

    /// <summary>The reference: find the scheduled shift by walking handoffs one by one, then let the newest covering override win.</summary>
    private static string Reference(Rotation rotation, IReadOnlyList<OnCallOverride> overrides, DateTimeOffset at)
    {
        var cover = overrides.Where(o => !o.IsCancelled && o.From <= at && at < o.Until).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).LastOrDefault();
        if (cover is not null)
            return cover.PersonId;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(rotation.TimeZone.Id);
        var first = rotation.Start.ToDateTimeUnspecified();
        while (rotation.HandoffDay is { } day && (int)first.DayOfWeek != (int)day % 7)
            first = first.AddDays(1);
        first = first.Add(rotation.HandoffTime.ToTimeOnly().ToTimeSpan());
        var k = 0;
        while (Boundary(first, rotation.Shift, k, zone) > at)
            k--;
        while (Boundary(first, rotation.Shift, k + 1, zone) <= at)
            k++;
        var n = rotation.People.Count;
        return rotation.People[((k % n) + n) % n];
    }

    private static DateTimeOffset Boundary(DateTime first, RotationShift shift, int k, TimeZoneInfo zone)
    {
        var local = shift switch
        {
            RotationShift.TwelveHours => first.AddHours(12 * k),
            RotationShift.Day => first.AddDays(k),
            RotationShift.Week => first.AddDays(7 * k),
            _ => first.AddDays(14 * k),
        };
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
