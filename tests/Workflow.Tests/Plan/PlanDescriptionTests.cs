using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class PlanDescriptionTests
{
    [Fact]
    public void Describe_WithStandardPlan_AlignsSeverityColumns()
    {
        var plan = TestPlans.Standard();

        var lines = PlanDescription.Describe(plan).Split(Environment.NewLine);

        lines.Should().ContainInOrder(
            "Severities:",
            "  id    name      acknowledge  update  resolve  clock          RCA               aliases",
            "  sev1  Critical  15m          30m     4h       calendar       required, due 5d  -",
            "  sev2  High      30m          1h      8h       calendar       -                 -");
    }

    [Fact]
    public void Describe_WithAliases_ShowsThemPerSeverity()
    {
        var standard = TestPlans.Standard();
        var sev1 = standard.Severities[0] with { Aliases = ["outage", "data loss"] };
        var plan = standard with { Severities = [sev1, .. standard.Severities.Skip(1)] };

        var lines = PlanDescription.Describe(plan).Split(Environment.NewLine);

        lines.Should().ContainInOrder(
            "  id    name      acknowledge  update  resolve  clock          RCA               aliases",
            "  sev1  Critical  15m          30m     4h       calendar       required, due 5d  outage, \"data loss\"");
    }

    [Fact]
    public void Describe_WithoutDefaultSeverity_SaysUnnamedReportsNeedTriage()
    {
        var plan = TestPlans.Standard() with { DefaultSeverity = "" };

        var lines = PlanDescription.Describe(plan).Split(Environment.NewLine);

        lines[2].Should().Be("Default severity: none (a report naming no severity needs triage, on sev1 clocks)");
    }

    [Fact]
    public void Describe_WithStandardPlan_NamesRespondersAndLevelWindows()
    {
        var plan = TestPlans.Standard();

        var text = PlanDescription.Describe(plan);

        text.Should().Contain("  3  management  Management           Dana        30m");
        text.Should().Contain("  1  L1          Support on-call      Ana, Ben    per severity");
        text.Should().Contain("repeatAtTop: 2");
        text.Should().Contain("Default severity: sev3");
    }

    [Fact]
    public void Describe_WithScatteredWorkingDays_ListsThem()
    {
        var hours = new BusinessHours(new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Wednesday }, new TimeOnly(8, 0), new TimeOnly(12, 0));
        var plan = TestPlans.Standard() with { BusinessHours = hours };

        var text = PlanDescription.Describe(plan);

        text.Should().Contain("Business hours:   Wed, Sun 08:00-12:00");
    }

    [Fact]
    public void Describe_WithWeekendIncluded_ShowsOneRange()
    {
        var days = new HashSet<DayOfWeek> { DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        var plan = TestPlans.Standard() with { BusinessHours = new BusinessHours(days, new TimeOnly(9, 0), new TimeOnly(17, 0)) };

        var text = PlanDescription.Describe(plan);

        text.Should().Contain("Business hours:   Fri-Sun 09:00-17:00");
    }

    [Fact]
    public void Describe_WithAlertSources_ListsKindSeverityMapAutoResolveAndStorm()
    {
        var prometheus = new AlertSourcePlan
        {
            Id = "prometheus",
            Kind = AlertKind.Alertmanager,
            SeverityMap = new Dictionary<string, string> { ["critical"] = "sev1", ["warning"] = "sev3" },
            DefaultSeverity = "sev3",
            AutoResolve = true,
        };
        var pager = new AlertSourcePlan { Id = "pager", Kind = AlertKind.Events, SeverityLabel = "level", StormGroups = 50, StormWithin = TimeSpan.FromMinutes(5) };
        var plan = TestPlans.Standard() with { Alerts = [prometheus, pager] };

        var lines = PlanDescription.Describe(plan).Split(Environment.NewLine);

        lines.Should().EndWith(
        [
            "",
            "Alert sources (POST /alerts/<source>):",
            "  source      kind          severity label  map                          default                                autoResolve  storm",
            "  prometheus  alertmanager  severity        critical=sev1, warning=sev3  sev3                                   yes          more than 20 new groups within 1m",
            "  pager       events        level           -                            none (the alert's words, else triage)  no           more than 50 new groups within 5m",
            "",
        ]);
    }

    [Fact]
    public void Describe_WithoutAlertSources_EndsWithTheLadder()
    {
        var plan = TestPlans.Standard();

        var lines = PlanDescription.Describe(plan).Split(Environment.NewLine);

        lines.Should().EndWith(["  repeatAtTop: 2", ""]);
    }
}
