using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class SeverityAliasValidationTests
{
    private static PlanYaml WithAliases(string sev1Aliases, string sev2Aliases) => new()
    {
        Severities = $"""
            severities:
              - id: sev1
                name: Critical
                aliases: {sev1Aliases}
                acknowledgeWithin: 15m
                updateEvery: 30m
                resolveWithin: 4h
              - id: sev2
                name: High
                aliases: {sev2Aliases}
                acknowledgeWithin: 30m
                updateEvery: 1h
                resolveWithin: 8h
            """,
    };

    [Fact]
    public void Load_WithAliases_KeepsThemInFileOrder()
    {
        var yaml = WithAliases("[outage, \"data  loss\"]", "[degraded]");

        var plan = PlanLoader.Parse(yaml.Text, FileName);

        plan.Severity("sev1").Aliases.Should().Equal("outage", "data loss");
        plan.Severity("sev2").Aliases.Should().Equal("degraded");
    }

    [Fact]
    public void Load_WithoutAliases_GivesAnEmptyList()
    {
        var plan = PlanLoader.Parse(new PlanYaml().Text, FileName);

        plan.Severity("sev1").Aliases.Should().BeEmpty();
    }

    [Fact]
    public void Load_WhenTwoSeveritiesShareAnAlias_ReportsTheSecondWithTheFirstLine()
    {
        var yaml = WithAliases("[outage, down]", "[Down, degraded]");

        SingleError(yaml, yaml.LineOf("[Down, degraded]"),
            "alias 'Down' of sev2 is already an alias of sev1 (line " + yaml.LineOf("[outage, down]") + "); an alias may name one severity only");
    }

    [Fact]
    public void Load_WhenAnAliasIsAnotherSeveritysName_ReportsItsLine()
    {
        var yaml = WithAliases("[outage, high]", "[degraded]");

        SingleError(yaml, yaml.LineOf("[outage, high]"), "alias 'high' of sev1 is the name of sev2; an alias may name one severity only");
    }

    [Fact]
    public void Load_WhenAnAliasIsAnotherSeveritysId_ReportsItsLine()
    {
        var yaml = WithAliases("[outage]", "[degraded, sev1]");

        SingleError(yaml, yaml.LineOf("[degraded, sev1]"), "alias 'sev1' of sev2 looks like a severity number");
    }

    [Fact]
    public void Load_WhenAnAliasLooksLikeAPriority_ReportsItsLine()
    {
        var yaml = WithAliases("[outage, P1]", "[degraded]");

        SingleError(yaml, yaml.LineOf("[outage, P1]"), "alias 'P1' of sev1 looks like a severity number (sev2, S2, P2 are read as numbers already); use a word");
    }

    [Fact]
    public void Load_WhenAnAliasIsListedTwice_ReportsTheRepeat()
    {
        var yaml = WithAliases("[outage, Outage]", "[degraded]");

        SingleError(yaml, yaml.LineOf("[outage, Outage]"), "alias 'Outage' of sev1 is listed twice for sev1");
    }

    [Fact]
    public void Load_WhenAliasesIsNotAList_ReportsItsLine()
    {
        var yaml = WithAliases("outage", "[degraded]");

        SingleError(yaml, yaml.LineOf("aliases: outage"), "'aliases' in severity sev1 must be a list");
    }

    [Fact]
    public void Load_WhenAnAliasIsEmpty_ReportsItsLine()
    {
        var yaml = WithAliases("[outage, \"\"]", "[degraded]");

        SingleError(yaml, yaml.LineOf("[outage, \"\"]"), "an alias of severity sev1 must be a word or words");
    }
}
