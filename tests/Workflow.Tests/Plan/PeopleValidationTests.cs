using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class PeopleValidationTests
{
    private const string Ladder = "escalation:\n  levels:\n    - { id: L1, name: One, responders: [ana] }";

    private static PlanYaml WithPeople(string people) => new() { Escalation = Ladder, People = "people:\n" + people };

    [Fact]
    public void Load_WhenPersonIdIsDuplicated_ReportsSecondOccurrence()
    {
        var yaml = WithPeople("  - { id: ana, name: Ana }\n  - { id: Ana, name: Another Ana }");

        SingleError(yaml, yaml.LineOf("Another"), "duplicate person 'Ana'", $"first defined on line {yaml.LineOf("name: Ana }")}");
    }

    [Fact]
    public void Load_WhenRoleIsUnknown_ReportsRoleLine()
    {
        var yaml = WithPeople("  - id: ana\n    name: Ana\n    roles:\n      - responder\n      - admin");

        SingleError(yaml, yaml.LineOf("admin"), "unknown role 'admin' for person ana (use manager or responder)");
    }

    [Fact]
    public void Load_WhenPersonWithBadRoleIsOnLadder_DoesNotAlsoReportUnknownPerson()
    {
        var yaml = WithPeople("  - { id: ana, name: Ana, roles: [boss] }");

        SingleError(yaml, yaml.LineOf("boss"), "unknown role 'boss'");
    }

    [Fact]
    public void Load_WhenPersonLacksName_ReportsMissingKey()
    {
        var yaml = WithPeople("  - { id: ana, slack: U01ANA }");

        SingleError(yaml, yaml.LineOf("U01ANA"), "missing required key 'name' in person ana");
    }

    [Fact]
    public void Load_WhenPersonKeyIsUnknown_ReportsIt()
    {
        var yaml = WithPeople("  - { id: ana, name: Ana, phone: 555 }");

        SingleError(yaml, yaml.LineOf("phone"), "unknown key 'phone' in person ana");
    }

    [Fact]
    public void Load_WhenChatIdIsQuotedEmpty_ReportsIt()
    {
        var yaml = WithPeople("  - { id: ana, name: Ana, slack: \"\" }");

        SingleError(yaml, yaml.LineOf("slack"), "'slack' in person ana is empty");
    }

    [Fact]
    public void Load_WithRoles_ReadsManagerRole()
    {
        var yaml = WithPeople("  - { id: ana, name: Ana, email: ana@example.com, roles: [Manager, responder] }");

        var plan = Jivrus.IncidentBot.Workflow.Plan.PlanLoader.Parse(yaml.Text, FileName);

        plan.IsManager("ana").Should().BeTrue();
        plan.FindPerson("ana")!.Email.Should().Be("ana@example.com");
    }
}
