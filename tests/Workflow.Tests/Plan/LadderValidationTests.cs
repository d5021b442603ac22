using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class LadderValidationTests
{
    private static PlanYaml WithLevels(string levels, string repeat = "2") => new()
    {
        Escalation = $"escalation:\n  repeatAtTop: {repeat}\n  levels:\n{levels}",
    };

    [Fact]
    public void Load_WhenLadderNamesUnknownPerson_ReportsLineAndPerson()
    {
        var yaml = WithLevels("    - { id: L1, name: One, responders: [ana] }\n    - id: L2\n      name: Two\n      responders:\n        - chen\n        - zed");

        var error = SingleError(yaml, yaml.LineOf("zed"));

        error.Message.Should().Be("unknown person 'zed' in escalation level L2");
    }

    [Fact]
    public void Load_WhenLadderHasNoLevels_ReportsIt()
    {
        var yaml = new PlanYaml { Escalation = "escalation:\n  repeatAtTop: 1\n  levels: []" };

        SingleError(yaml, yaml.LineOf("levels"), "the escalation ladder has no levels");
    }

    [Fact]
    public void Load_WhenLevelHasEmptyResponders_ReportsLevel()
    {
        var yaml = WithLevels("    - { id: L1, name: One, responders: [ana] }\n    - { id: L2, name: Two, responders: [] }");

        SingleError(yaml, yaml.LineOf("id: L2"), "escalation level L2 has no responders");
    }

    [Fact]
    public void Load_WhenLevelOmitsResponders_ReportsLevel()
    {
        var yaml = WithLevels("    - { id: L1, name: One }");

        SingleError(yaml, yaml.LineOf("id: L1"), "escalation level L1 has no responders");
    }

    [Fact]
    public void Load_WhenLevelIdIsDuplicated_ReportsSecondOccurrence()
    {
        var yaml = WithLevels("    - { id: L1, name: One, responders: [ana] }\n    - { id: L1, name: Again, responders: [ben] }");

        SingleError(yaml, yaml.LineOf("Again"), "duplicate escalation level 'L1'");
    }

    [Fact]
    public void Load_WhenRepeatAtTopIsNegative_ReportsIt()
    {
        var yaml = WithLevels("    - { id: L1, name: One, responders: [ana] }", repeat: "-1");

        SingleError(yaml, yaml.LineOf("repeatAtTop"), "repeatAtTop must be 0 or more, not -1");
    }

    [Fact]
    public void Load_WhenLevelAcknowledgeWindowIsMalformed_ReportsIt()
    {
        var yaml = WithLevels("    - { id: L1, name: One, responders: [ana], acknowledgeWithin: soon }");

        SingleError(yaml, yaml.LineOf("soon"), "'soon' is not a duration for 'acknowledgeWithin' in escalation level L1");
    }

    [Fact]
    public void Load_WhenLevelKeyIsUnknown_ReportsIt()
    {
        var yaml = WithLevels("    - { id: L1, name: One, responders: [ana], pager: true }");

        SingleError(yaml, yaml.LineOf("pager"), "unknown key 'pager' in escalation level L1");
    }

    [Fact]
    public void Load_WhenResponderDiffersOnlyInCase_UsesThePersonsId()
    {
        var yaml = WithLevels("    - { id: L1, name: One, responders: [ANA] }");

        var plan = Jivrus.IncidentBot.Workflow.Plan.PlanLoader.Parse(yaml.Text, FileName);

        plan.Escalation.Levels[0].Responders.Should().Equal("ana");
    }
}
