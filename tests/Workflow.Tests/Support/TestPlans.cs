using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>A plan built in code, shaped like the shipped default, for tests that need one.</summary>
public static class TestPlans
{
    public static ResponsePlan Standard(string timeZone = "Asia/Kolkata") => new()
    {
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZone),
        BusinessHours = BusinessHours.Default,
        Severities =
        [
            Sev("sev1", "Critical", 15, 30, 4 * 60, ClockKind.Calendar, new RcaRule(true, TimeSpan.FromDays(5))),
            Sev("sev2", "High", 30, 60, 8 * 60, ClockKind.Calendar, RcaRule.NotRequired),
            Sev("sev3", "Medium", 4 * 60, 8 * 60, 3 * 24 * 60, ClockKind.BusinessHours, RcaRule.NotRequired),
            Sev("sev4", "Low", 8 * 60, 24 * 60, 5 * 24 * 60, ClockKind.BusinessHours, RcaRule.NotRequired),
        ],
        Escalation = new EscalationLadder(2,
        [
            new EscalationLevel("L1", "Support on-call", ["ana", "ben"]),
            new EscalationLevel("L2", "Engineering on-call", ["chen"]),
            new EscalationLevel("management", "Management", ["dana"], TimeSpan.FromMinutes(30)),
        ]),
        People =
        [
            new Person("ana", "Ana", "U01ANA", "29:ana-aad", "ana@example.com", []),
            new Person("ben", "Ben", "U01BEN", "29:ben-aad", "ben@example.com", []),
            new Person("chen", "Chen", "U01CHEN", "29:chen-aad", "chen@example.com", []),
            new Person("dana", "Dana", "U01DANA", "29:dana-aad", "dana@example.com", [PersonRoles.Manager]),
            new Person("eve", "Eve", "U01EVE", "29:eve-aad", "eve@example.com", []),
        ],
        Channels = new PlanChannels(
            new ChannelAddress("C0INCIDENTS", "19:incidents@thread.tacv2"),
            new ChannelAddress("C0MGMT", "19:mgmt@thread.tacv2"),
            new ChannelAddress("C0SUPPORT", null),
            PerIncident: true),
        Summaries = new SummarySchedule(new TimeOnly(9, 0), DayOfWeek.Monday, new TimeOnly(9, 0)),
        Tickets = new Dictionary<string, TicketTarget>
        {
            ["urgent"] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(8), "sev2"),
            ["high"] = new(TimeSpan.FromHours(4), TimeSpan.FromDays(1), "sev3"),
            ["medium"] = new(TimeSpan.FromHours(8), TimeSpan.FromDays(3), "sev3"),
            ["low"] = new(TimeSpan.FromDays(1), TimeSpan.FromDays(5), "sev4"),
        },
        DefaultSeverity = "sev3",
    };

    private static SeverityPlan Sev(string id, string name, int ackMinutes, int updateMinutes, int resolveMinutes, ClockKind clock, RcaRule rca) => new()
    {
        Id = id,
        Name = name,
        AcknowledgeWithin = TimeSpan.FromMinutes(ackMinutes),
        UpdateEvery = TimeSpan.FromMinutes(updateMinutes),
        ResolveWithin = TimeSpan.FromMinutes(resolveMinutes),
        Clock = clock,
        Rca = rca,
    };
}
