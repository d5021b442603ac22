using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class PlanLoaderTests
{
    [Fact]
    public void Parse_WithValidPlan_ReadsEverySection()
    {
        var yaml = new PlanYaml();

        var plan = PlanLoader.Parse(yaml.Text, FileName);

        plan.Severities.Select(s => s.Id).Should().Equal("sev1", "sev2");
        plan.Severity("sev1").Rca.Should().Be(new RcaRule(true, TimeSpan.FromDays(5)));
        plan.Severity("sev2").Clock.Should().Be(ClockKind.BusinessHours);
        plan.Escalation.Levels[2].AcknowledgeWithin.Should().Be(TimeSpan.FromMinutes(30));
        plan.Escalation.Levels[0].AcknowledgeWithin.Should().BeNull();
        plan.Channels.Announce.Should().Be(new ChannelAddress("C0INCIDENTS", null));
        plan.Channels.Management.Should().Be(ChannelAddress.None);
        plan.Tickets["urgent"].Should().Be(new TicketTarget(TimeSpan.FromHours(1), TimeSpan.FromHours(8), "sev1"));
    }

    [Fact]
    public void Parse_WithoutDefaultSeverity_LeavesUnnamedReportsToTriage()
    {
        var yaml = new PlanYaml();

        var plan = PlanLoader.Parse(yaml.Text, FileName);

        plan.DefaultSeverity.Should().Be("");
        plan.DefaultSeverityOrTriage.Should().BeNull();
        plan.TriageSeverity.Id.Should().Be("sev1");
    }

    [Fact]
    public void Parse_WithDefaultSeverityAndReopenWindow_UsesThem()
    {
        var yaml = new PlanYaml { Extra = "defaultSeverity: sev1\nreopenWithin: 3d" };

        var plan = PlanLoader.Parse(yaml.Text, FileName);

        plan.DefaultSeverity.Should().Be("sev1");
        plan.ReopenWithin.Should().Be(TimeSpan.FromDays(3));
    }

    [Fact]
    public void Parse_WithoutOptionalSections_UsesDefaults()
    {
        var yaml = new PlanYaml { BusinessHours = "", Channels = "", Summaries = "", Tickets = "" };

        var plan = PlanLoader.Parse(yaml.Text, FileName);

        plan.BusinessHours.Should().Be(BusinessHours.Default);
        plan.Channels.Should().Be(new PlanChannels(ChannelAddress.None, ChannelAddress.None, ChannelAddress.None, false));
        plan.Summaries.Should().Be(new SummarySchedule(new TimeOnly(9, 0), DayOfWeek.Monday, new TimeOnly(9, 0)));
        plan.Tickets.Should().BeEmpty();
        plan.ReopenWithin.Should().Be(TimeSpan.FromDays(7));
    }

    [Fact]
    public void Parse_WithDesignDocumentExample_Loads()
    {
        var plan = PlanLoader.Parse(DesignExample.Completed, FileName);

        plan.Severities.Select(s => s.Id).Should().Equal("sev1", "sev2", "sev3", "sev4");
        plan.Severity("sev1").Description.Should().Be("Outage, security breach or data loss that hits customers");
        plan.Escalation.Levels.Select(l => l.Id).Should().Equal("L1", "L2", "management");
        plan.Channels.Support.Slack.Should().Be("C0SUPPORT");
        plan.Tickets.Keys.Should().BeEquivalentTo("urgent", "high", "medium", "low");
    }

    [Fact]
    public void Parse_WithDesignDocumentExampleAsElided_ReportsOnlyTheElidedReferences()
    {
        var errors = ErrorsOf(DesignExample.Verbatim);

        errors.Select(e => e.Message).Should().Equal(
            "unknown person 'ben' in escalation level L1",
            "unknown person 'chen' in escalation level L2",
            "promoteAs 'sev2' in tickets.urgent is not a severity of this plan",
            "promoteAs 'sev3' in tickets.high is not a severity of this plan",
            "promoteAs 'sev3' in tickets.medium is not a severity of this plan",
            "promoteAs 'sev4' in tickets.low is not a severity of this plan");
    }

    [Fact]
    public void Parse_WhenTopLevelKeyIsMisspelt_ReportsLineAndSuggestion()
    {
        var yaml = new PlanYaml { Extra = "reopenWithn: 3d" };

        SingleError(yaml, yaml.LineOf("reopenWithn"), "unknown key 'reopenWithn'", "did you mean 'reopenWithin'?");
    }

    [Fact]
    public void Parse_WhenRequiredSectionIsMissing_ReportsIt()
    {
        var yaml = new PlanYaml { TimeZone = "" };

        var errors = ErrorsOf(yaml);

        errors.Should().ContainSingle().Which.Message.Should().Be("missing required key 'timeZone' in the plan");
    }

    [Fact]
    public void Parse_WithSeveralProblems_ReportsAllInLineOrder()
    {
        var yaml = new PlanYaml
        {
            TimeZone = "timeZone: Mars/Olympus",
            Escalation = "escalation:\n  repeatAtTop: -1\n  levels:\n    - { id: L1, name: One, responders: [zed] }",
            Extra = "defaultSeverity: sev9",
        };

        var errors = ErrorsOf(yaml);

        errors.Select(e => e.Line).Should().Equal(
            yaml.LineOf("Mars/Olympus"), yaml.LineOf("repeatAtTop"), yaml.LineOf("zed"), yaml.LineOf("sev9"));
    }

    [Fact]
    public void Parse_WithSeveralProblems_ListsOneErrorPerMessageLine()
    {
        var yaml = new PlanYaml { TimeZone = "timeZone: Mars/Olympus", Extra = "defaultSeverity: sev9" };

        var act = () => PlanLoader.Parse(yaml.Text, FileName);

        var lines = act.Should().Throw<PlanValidationException>().Which.Message.Split(Environment.NewLine);
        lines.Should().Equal(
            "plan.yaml:1: unknown time zone 'Mars/Olympus' (use an IANA id such as Asia/Kolkata)",
            $"plan.yaml:{yaml.LineOf("sev9")}: defaultSeverity 'sev9' is not a severity of this plan");
    }
}
