using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class SeverityValidationTests
{
    private const string Sev2 = """

          - id: sev2
            name: High
            acknowledgeWithin: 30m
            updateEvery: 1h
            resolveWithin: 8h
        """;

    private static PlanYaml WithSeverities(string items) => new()
    {
        Severities = "severities:\n" + items,
        Tickets = "",
    };

    [Fact]
    public void Load_WhenSeverityKeyIsMisspelt_ReportsLineAndSuggestion()
    {
        var yaml = WithSeverities("  - { id: sev1, name: Critical, acknowlegeWithin: 15m, acknowledgeWithin: 15m, updateEvery: 30m, resolveWithin: 4h }");

        SingleError(yaml, yaml.LineOf("acknowlegeWithin"), "unknown key 'acknowlegeWithin' in severity sev1", "did you mean 'acknowledgeWithin'?");
    }

    [Fact]
    public void Load_WhenRequiredKeyIsMisspelt_ReportsOnlyTheTypo()
    {
        var yaml = WithSeverities("  - { id: sev1, nmae: Critical, acknowledgeWithin: 15m, updateEvery: 30m, resolveWithin: 4h }");

        SingleError(yaml, yaml.LineOf("nmae"), "unknown key 'nmae' in severity sev1 (did you mean 'name'?)");
    }

    [Fact]
    public void Load_WhenSeverityLacksId_ReportsItByPosition()
    {
        var yaml = WithSeverities("  - { name: Critical, acknowledgeWithin: 15m, updateEvery: 30m, resolveWithin: 4h }");

        SingleError(yaml, yaml.LineOf("name: Critical"), "missing required key 'id' in severity #1");
    }

    [Fact]
    public void Load_WhenSeverityLacksResolveWithin_ReportsMissingKeyOnItsLine()
    {
        var yaml = WithSeverities("  - { id: sev1, name: Critical, acknowledgeWithin: 15m, updateEvery: 30m }");

        SingleError(yaml, yaml.LineOf("id: sev1"), "missing required key 'resolveWithin' in severity sev1");
    }

    [Fact]
    public void Load_WhenDurationIsMalformed_ReportsValueLine()
    {
        var yaml = new PlanYaml { Severities = new PlanYaml().Severities.Replace("updateEvery: 1h", "updateEvery: 1 hour", StringComparison.Ordinal) };

        SingleError(yaml, yaml.LineOf("1 hour"), "'1 hour' is not a duration for 'updateEvery' in severity sev2");
    }

    [Fact]
    public void Load_WhenSeverityIdIsDuplicated_ReportsSecondOccurrence()
    {
        var yaml = WithSeverities("  - { id: sev1, name: A, acknowledgeWithin: 1m, updateEvery: 1m, resolveWithin: 1h }\n"
            + "  - { id: sev1, name: B, acknowledgeWithin: 1m, updateEvery: 1m, resolveWithin: 1h }");

        SingleError(yaml, yaml.LineOf("name: B"), "duplicate severity 'sev1'", $"first defined on line {yaml.LineOf("name: A")}");
    }

    [Theory]
    [InlineData("critical")]
    [InlineData("sev0")]
    [InlineData("Sev1")]
    [InlineData("sev-1")]
    public void Load_WhenSeverityIdIsNotSevN_ReportsIt(string id)
    {
        var yaml = WithSeverities($"  - {{ id: {id}, name: A, acknowledgeWithin: 1m, updateEvery: 1m, resolveWithin: 1h }}");

        SingleError(yaml, yaml.LineOf(id), $"severity id '{id}' must look like sev1");
    }

    [Fact]
    public void Load_WhenSeveritiesListIsEmpty_ReportsIt()
    {
        var yaml = new PlanYaml { Severities = "severities: []", Tickets = "" };

        SingleError(yaml, yaml.LineOf("severities"), "no severities");
    }

    [Fact]
    public void Load_WhenClockIsUnknown_ReportsIt()
    {
        var yaml = WithSeverities("  - id: sev1\n    name: A\n    acknowledgeWithin: 1m\n    updateEvery: 1m\n    resolveWithin: 1h\n    clock: office");

        SingleError(yaml, yaml.LineOf("office"), "clock 'office' in severity sev1 must be calendar or businessHours");
    }

    [Fact]
    public void Load_WhenRcaRequiredWithoutDueWithin_ReportsRcaLine()
    {
        var yaml = WithSeverities("  - id: sev1\n    name: A\n    acknowledgeWithin: 1m\n    updateEvery: 1m\n    resolveWithin: 1h\n    rca: { required: true }" + Sev2);

        SingleError(yaml, yaml.LineOf("rca:"), "severity sev1 requires an RCA but sets no rca.dueWithin");
    }

    [Fact]
    public void Load_WhenRcaRequiredIsNotBoolean_ReportsIt()
    {
        var yaml = WithSeverities("  - id: sev1\n    name: A\n    acknowledgeWithin: 1m\n    updateEvery: 1m\n    resolveWithin: 1h\n    rca: { required: maybe, dueWithin: 5d }");

        SingleError(yaml, yaml.LineOf("maybe"), "'required' in rca of severity sev1 must be true or false");
    }
}
