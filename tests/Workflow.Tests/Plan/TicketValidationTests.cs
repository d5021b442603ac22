using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class TicketValidationTests
{
    [Fact]
    public void Load_WhenTicketPriorityIsUnknown_ReportsIt()
    {
        var yaml = new PlanYaml { Tickets = "tickets:\n  low: { respondWithin: 1d, resolveWithin: 5d, promoteAs: sev2 }\n  critical: { respondWithin: 1h, resolveWithin: 4h, promoteAs: sev1 }" };

        SingleError(yaml, yaml.LineOf("critical"), "unknown ticket priority 'critical' (use urgent, high, medium or low)");
    }

    [Fact]
    public void Load_WhenPromoteAsIsUnknownSeverity_ReportsIt()
    {
        var yaml = new PlanYaml { Tickets = "tickets:\n  high: { respondWithin: 4h, resolveWithin: 1d, promoteAs: sev9 }" };

        SingleError(yaml, yaml.LineOf("sev9"), "promoteAs 'sev9' in tickets.high is not a severity of this plan");
    }

    [Fact]
    public void Load_WhenTicketLacksResolveWithin_ReportsIt()
    {
        var yaml = new PlanYaml { Tickets = "tickets:\n  medium: { respondWithin: 8h, promoteAs: sev2 }" };

        SingleError(yaml, yaml.LineOf("medium"), "missing required key 'resolveWithin' in tickets.medium");
    }

    [Fact]
    public void Load_WhenDefaultSeverityIsUnknown_ReportsIt()
    {
        var yaml = new PlanYaml { Extra = "defaultSeverity: sev7" };

        SingleError(yaml, yaml.LineOf("sev7"), "defaultSeverity 'sev7' is not a severity of this plan");
    }
}
