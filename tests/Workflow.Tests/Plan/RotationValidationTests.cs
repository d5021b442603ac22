using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class RotationValidationTests
{
    private const string Ladder = """
        escalation:
          repeatAtTop: 1
          levels:
            - { id: L1, name: Support, responders: [rotation:support, chen] }
            - { id: L2, name: Management, responders: [dana] }
        """;

    private static PlanYaml With(string rotations, string ladder = Ladder) => new() { Escalation = ladder, Extra = "rotations:\n" + rotations };

    private const string Support = """
          - { id: support, name: Support on-call, people: [ana, ben], shift: 1w, handoff: "Mon 09:00", start: 2026-12-07 }
        """;

    [Fact]
    public void Load_WithARotation_ReadsItAndKeepsTheLevelsRotation()
    {
        var plan = PlanLoader.Parse(With(Support).Text, "plan.yaml");

        var rotation = plan.Rotations.Should().ContainSingle().Subject;
        (rotation.Id, rotation.Shift, rotation.HandoffDay, rotation.HandoffTime.ToString("HH:mm", null), rotation.TimeZone.Id, rotation.Start.ToString("yyyy-MM-dd", null))
            .Should().Be(("support", RotationShift.Week, NodaTime.IsoDayOfWeek.Monday, "09:00", "Asia/Kolkata", "2026-12-07"));
        plan.Escalation.Levels[0].Responders.Should().Equal("rotation:support", "chen");
    }

    [Fact]
    public void Load_WhenARotationNamesAnUnknownPerson_ReportsLineAndPerson()
    {
        var yaml = With("""
              - id: support
                people: [ana, zed]
                shift: 1d
                handoff: "09:00"
                start: 2026-12-07
            """);

        SingleError(yaml, yaml.LineOf("zed")).Message.Should().Be("unknown person 'zed' in rotation support");
    }

    [Fact]
    public void Load_WhenTwoRotationsShareAnId_ReportsTheSecond()
    {
        var yaml = With(Support + "\n" + """
              - { id: Support, people: [chen], shift: 1d, handoff: "09:00", start: 2026-12-07 }
            """);

        SingleError(yaml, yaml.LineOf("id: Support")).Message.Should().Be($"duplicate rotation 'Support' (first defined on line {yaml.LineOf("id: support")})");
    }

    [Fact]
    public void Load_WhenALevelNamesAnUnknownRotation_SaysToDeclareIt()
    {
        var yaml = With(Support, Ladder.Replace("rotation:support", "rotation:night", StringComparison.Ordinal));

        SingleError(yaml, yaml.LineOf("rotation:night")).Message.Should().Be("unknown rotation 'night' in escalation level L1; declare it under rotations:");
    }

    [Theory]
    [InlineData("shift: 3d", "rotation support.shift '3d' must be 12h, 1d, 1w or 2w")]
    [InlineData("handoff: \"09:00\"", "rotation support.handoff '09:00' must be a day and a time, e.g. \"Mon 09:00\"")]
    [InlineData("start: next monday", "rotation support.start 'next monday' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-07")]
    [InlineData("timeZone: Mars/Olympus", "unknown time zone 'Mars/Olympus' in rotation support (use an IANA id such as Europe/London)")]
    public void Load_WithABadRotationField_SaysWhatToWrite(string field, string message)
    {
        var key = field.Split(':')[0];
        var lines = new[] { "id: support", "people: [ana, ben]", "shift: 1w", "handoff: \"Mon 09:00\"", "start: 2026-12-07" }
            .Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal)).Append(field);
        var yaml = With("  - " + string.Join("\n    ", lines));

        SingleError(yaml, yaml.LineOf(field)).Message.Should().Be(message);
    }

    [Fact]
    public void Warnings_ForAHandoffTheClocksSkip_SayWhenItHappensInstead()
    {
        var yaml = With("""
              - { id: support, people: [ana, ben], shift: 1d, handoff: "02:30", start: 2027-01-04, timeZone: America/New_York }
            """);
        var plan = PlanLoader.Parse(yaml.Text, "plan.yaml");

        var warnings = RotationDescription.Warnings(plan, new DateTimeOffset(2027, 1, 5, 0, 0, 0, TimeSpan.Zero));

        warnings.Should().Equal("rotation support: the handoff at 02:30 does not exist on 2027-03-14 in America/New_York (the clocks skip it); that shift changes hands at 03:00 instead.");
    }

    [Fact]
    public void Describe_PrintsWhoIsOnForTheNextFourShifts()
    {
        var plan = PlanLoader.Parse(With(Support).Text, "plan.yaml");

        var text = RotationDescription.Describe(plan, new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.Zero));

        text.Split(Environment.NewLine).Should().Equal(
            "",
            "Rotations (next four shifts):",
            "  support · Support on-call: Ana, Ben in turn, 1w shifts, handoff Mon 09:00 Asia/Kolkata, from 2026-12-07",
            "    2026-12-14 Mon 09:00 - 2026-12-21 Mon 09:00  Ben",
            "    2026-12-21 Mon 09:00 - 2026-12-28 Mon 09:00  Ana",
            "    2026-12-28 Mon 09:00 - 2027-01-04 Mon 09:00  Ben",
            "    2027-01-04 Mon 09:00 - 2027-01-11 Mon 09:00  Ana",
            "");
    }
}
