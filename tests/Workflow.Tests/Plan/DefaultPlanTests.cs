using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class DefaultPlanTests
{
    private static readonly string ShippedPlanPath = Path.Combine(AppContext.BaseDirectory, "plan.default.yaml");

    [Fact]
    public void LoadFile_WithShippedDefaultPlan_MatchesTheStandardPlan()
    {
        var expected = TestPlans.Standard();

        var plan = PlanLoader.LoadFile(ShippedPlanPath);

        plan.TimeZone.Id.Should().Be("Asia/Kolkata");
        plan.BusinessHours.Days.Should().BeEquivalentTo(expected.BusinessHours.Days);
        plan.BusinessHours.Start.Should().Be(new TimeOnly(9, 0));
        plan.BusinessHours.End.Should().Be(new TimeOnly(18, 0));
        plan.Severities.Should().BeEquivalentTo(expected.Severities, o => o.WithStrictOrdering().Excluding(s => s.Description).Excluding(s => s.Aliases));
        plan.Escalation.RepeatAtTop.Should().Be(2);
        // Level 1 names the primary and backup rotations, which page Ana and Ben whoever's week it is.
        plan.Escalation.Levels.Skip(1).Should().BeEquivalentTo(expected.Escalation.Levels.Skip(1), o => o.WithStrictOrdering());
        plan.Escalation.Levels[0].Responders.Should().Equal("rotation:support", "rotation:support-backup");
        var roster = Workflow.OnCall.OnCallRoster.Scheduled(plan);
        new[] { new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.Zero) }
            .Select(at => roster.Responders(plan.Escalation.Levels[0], at)).Should().AllBeEquivalentTo(new[] { "ana", "ben" }, o => o.WithStrictOrdering());
        plan.Summaries.Should().Be(expected.Summaries);
        plan.Tickets.Should().BeEquivalentTo(expected.Tickets);
        plan.ReopenWithin.Should().Be(TimeSpan.FromDays(7));
    }

    [Fact]
    public void LoadFile_WithShippedDefaultPlan_NamesPeopleAndManager()
    {
        var plan = PlanLoader.LoadFile(ShippedPlanPath);

        plan.People.Select(p => p.Id).Should().Equal("ana", "ben", "chen", "dana");
        plan.IsManager("dana").Should().BeTrue();
        plan.IsManager("ana").Should().BeFalse();
        plan.People.Should().OnlyContain(p => p.Slack != null && p.Teams != null && p.Email != null);
    }

    [Fact]
    public void LoadFile_WithShippedDefaultPlan_PostsToTheDesignChannels()
    {
        var plan = PlanLoader.LoadFile(ShippedPlanPath);

        plan.Channels.Announce.Should().Be(new ChannelAddress("C0INCIDENTS", "19:incidents@thread.tacv2"));
        plan.Channels.Management.Slack.Should().Be("C0MGMT");
        plan.Channels.Support.Slack.Should().Be("C0SUPPORT");
        plan.Channels.PerIncident.Should().BeTrue();
    }

    [Fact]
    public void LoadFile_WithShippedDefaultPlan_HasNoDefaultSoUnnamedReportsNeedTriage()
    {
        var plan = PlanLoader.LoadFile(ShippedPlanPath);

        plan.DefaultSeverity.Should().Be("");
        plan.Severity("sev1").Description.Should().NotBeEmpty();
    }

    [Fact]
    public void LoadFile_WithShippedDefaultPlan_HasAliasesForEverySeverity()
    {
        var plan = PlanLoader.LoadFile(ShippedPlanPath);

        plan.Severity("sev1").Aliases.Should().Equal("outage", "down", "breach", "data loss", "emergency");
        plan.Severity("sev2").Aliases.Should().Equal("major", "degraded", "broken", "urgent");
        plan.Severity("sev3").Aliases.Should().Equal("impaired", "intermittent", "slow", "workaround");
        plan.Severity("sev4").Aliases.Should().Equal("cosmetic", "typo", "minor");
    }

    [Fact]
    public void LoadFile_WithShippedDefaultPlan_HasNoAlertSourcesSoStartUpWantsNoToken()
    {
        var plan = PlanLoader.LoadFile(ShippedPlanPath);

        plan.Alerts.Should().BeEmpty();
    }

    [Fact]
    public void Parse_WithShippedAlertsExampleUncommented_ReadsTheThreeSourcesAsDocumented()
    {
        var lines = File.ReadAllLines(ShippedPlanPath);
        var start = Array.IndexOf(lines, "# alerts:");
        var example = lines[start..].Select(line => line.StartsWith("# ", StringComparison.Ordinal) ? line[2..] : line);
        var yaml = string.Join("\n", lines[..start].Concat(example));

        var plan = PlanLoader.Parse(yaml, "plan.default.yaml");

        plan.Alerts.Select(a => (a.Id, a.Kind, a.DefaultSeverity, a.AutoResolve, a.StormGroups, a.StormWithin)).Should().Equal(
            ("prometheus", AlertKind.Alertmanager, "sev3", true, 20, TimeSpan.FromMinutes(1)),
            ("grafana", AlertKind.Grafana, "sev3", false, 20, TimeSpan.FromMinutes(1)),
            ("uptime", AlertKind.Events, (string?)null, true, 20, TimeSpan.FromMinutes(1)));
        plan.Alerts[2].SeverityMap.Should().Equal(new Dictionary<string, string> { ["critical"] = "sev1", ["error"] = "sev2", ["warning"] = "sev3", ["info"] = "sev4" });
    }
}
