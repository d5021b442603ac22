using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class AlertSourceValidationTests
{
    [Fact]
    public void Load_AlertSources_ReadsKindSeverityMapAutoResolveAndStorm()
    {
        var yaml = new PlanYaml
        {
            Extra = "alerts:\n"
                + "  - source: prometheus\n    kind: alertmanager\n    severity: { label: severity, map: { critical: sev1, warning: sev2 }, default: sev2 }\n    autoResolve: true\n    storm: { groups: 50, within: 2m }\n"
                + "  - source: uptime\n    kind: events",
        };

        var plan = PlanLoader.Parse(yaml.Text, "plan.yaml");

        plan.Alerts.Should().HaveCount(2);
        var prometheus = plan.FindAlertSource("PROMETHEUS")!;
        (prometheus.Kind, prometheus.SeverityLabel, prometheus.DefaultSeverity, prometheus.AutoResolve, prometheus.StormGroups, prometheus.StormWithin).Should().Be(
            (AlertKind.Alertmanager, "severity", "sev2", true, 50, TimeSpan.FromMinutes(2)));
        (prometheus.SeverityFor("Critical"), prometheus.SeverityFor("info"), prometheus.SeverityFor(null)).Should().Be(("sev1", "sev2", "sev2"));
        var uptime = plan.FindAlertSource("uptime")!;
        (uptime.Kind, uptime.DefaultSeverity, uptime.AutoResolve, uptime.StormGroups, uptime.SeverityFor("critical")).Should().Be(
            (AlertKind.Events, (string?)null, false, 20, (string?)null));
    }

    [Fact]
    public void Load_WhenAlertKindIsUnknown_ReportsIt()
    {
        var yaml = new PlanYaml { Extra = "alerts:\n  - source: nagios\n    kind: nagios" };

        SingleError(yaml, yaml.LineOf("kind: nagios"), "alert source nagios.kind 'nagios' must be alertmanager, grafana or events");
    }

    [Fact]
    public void Load_WhenSeverityMapNamesAnUnknownSeverity_ReportsIt()
    {
        var yaml = new PlanYaml { Extra = "alerts:\n  - source: prometheus\n    kind: alertmanager\n    severity: { map: { critical: sev9 } }" };

        SingleError(yaml, yaml.LineOf("sev9"), "'sev9' in alert source prometheus.severity.map is not a severity of this plan");
    }

    [Fact]
    public void Load_WhenTwoSourcesShareAnId_ReportsTheSecond()
    {
        var yaml = new PlanYaml { Extra = "alerts:\n  - source: prometheus\n    kind: alertmanager\n  - source: Prometheus\n    kind: grafana" };

        SingleError(yaml, yaml.LineOf("source: Prometheus"), "duplicate alert source 'Prometheus'");
    }

    [Fact]
    public void Load_WhenSourceIsNoUrlSegment_ReportsIt()
    {
        var yaml = new PlanYaml { Extra = "alerts:\n  - source: prom/east\n    kind: alertmanager" };

        SingleError(yaml, yaml.LineOf("prom/east"), "alert source 'prom/east' may hold only letters, digits, '-' and '_'");
    }

    [Fact]
    public void Load_WhenStormGroupsIsBelowTwo_ReportsIt()
    {
        var yaml = new PlanYaml { Extra = "alerts:\n  - source: prometheus\n    kind: alertmanager\n    storm: { groups: 1 }" };

        SingleError(yaml, yaml.LineOf("groups: 1"), "alert source prometheus.storm.groups must be at least 2");
    }
}
