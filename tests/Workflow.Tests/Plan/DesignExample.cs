namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

/// <summary>The response plan example from DESIGN.md.</summary>
internal static class DesignExample
{
    /// <summary>Verbatim, comments and all. It elides sev2..sev4 and two people, so on its own it is incomplete.</summary>
    public const string Verbatim = """
        timeZone: Asia/Kolkata
        businessHours: { days: [Mon, Tue, Wed, Thu, Fri], start: "09:00", end: "18:00" }
        severities:
          - id: sev1
            name: Critical
            description: Outage, security breach or data loss that hits customers
            acknowledgeWithin: 15m
            updateEvery: 30m
            resolveWithin: 4h
            clock: calendar            # or businessHours
            rca: { required: true, dueWithin: 5d }
          # sev2 .. sev4 likewise
        escalation:
          repeatAtTop: 2
          levels:
            - { id: L1, name: Support on-call,  responders: [ana, ben] }
            - { id: L2, name: Engineering on-call, responders: [chen] }
            - { id: management, name: Management, responders: [dana], acknowledgeWithin: 30m }
        people:
          - { id: ana,  name: Ana,  slack: U01ANA,  teams: "29:ana-aad", email: ana@example.com }
          - { id: dana, name: Dana, slack: U01DANA, roles: [manager] }
        channels:
          announce:   { slack: C0INCIDENTS, teams: "19:incidents@thread.tacv2" }
          management: { slack: C0MGMT }
          support:    { slack: C0SUPPORT }   # Freshdesk ticket reminders and escalations
          perIncident: true            # Slack: a channel inc-<n>-<slug> per incident
        summaries: { daily: "09:00", weekly: "Mon 09:00" }
        tickets:                       # fallback targets when a Freshdesk ticket has no due dates
          urgent: { respondWithin: 1h,  resolveWithin: 8h,  promoteAs: sev2 }
          high:   { respondWithin: 4h,  resolveWithin: 1d,  promoteAs: sev3 }
          medium: { respondWithin: 8h,  resolveWithin: 3d,  promoteAs: sev3 }
          low:    { respondWithin: 1d,  resolveWithin: 5d,  promoteAs: sev4 }
        """;

    /// <summary>The example with its elisions written out, as a reader of DESIGN.md would complete it.</summary>
    public static string Completed => Verbatim
        .Replace("  # sev2 .. sev4 likewise\n", Sev2To4, StringComparison.Ordinal)
        .Replace("people:\n", "people:\n" + BenAndChen, StringComparison.Ordinal);

    private const string Sev2To4 = """
          - { id: sev2, name: High, acknowledgeWithin: 30m, updateEvery: 1h, resolveWithin: 8h }
          - { id: sev3, name: Medium, acknowledgeWithin: 4h, updateEvery: 8h, resolveWithin: 3d, clock: businessHours }
          - { id: sev4, name: Low, acknowledgeWithin: 8h, updateEvery: 1d, resolveWithin: 5d, clock: businessHours }

        """;

    private const string BenAndChen = """
          - { id: ben, name: Ben }
          - { id: chen, name: Chen }

        """;
}
