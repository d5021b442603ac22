namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

/// <summary>
/// Builds plan YAML from sections, valid by default, so each test breaks exactly one thing.
/// <see cref="LineOf"/> finds where a marker landed, because sections above it shift the lines.
/// </summary>
internal sealed record PlanYaml
{
    public string TimeZone { get; init; } = "timeZone: Asia/Kolkata";

    public string BusinessHours { get; init; } = """businessHours: { days: [Mon, Tue, Wed, Thu, Fri], start: "09:00", end: "18:00" }""";

    public string Severities { get; init; } = """
        severities:
          - id: sev1
            name: Critical
            acknowledgeWithin: 15m
            updateEvery: 30m
            resolveWithin: 4h
            rca: { required: true, dueWithin: 5d }
          - id: sev2
            name: High
            acknowledgeWithin: 30m
            updateEvery: 1h
            resolveWithin: 8h
            clock: businessHours
        """;

    public string Escalation { get; init; } = """
        escalation:
          repeatAtTop: 2
          levels:
            - { id: L1, name: Support on-call, responders: [ana, ben] }
            - { id: L2, name: Engineering on-call, responders: [chen] }
            - { id: management, name: Management, responders: [dana], acknowledgeWithin: 30m }
        """;

    public string People { get; init; } = """
        people:
          - { id: ana, name: Ana, slack: U01ANA }
          - { id: ben, name: Ben, slack: U01BEN }
          - { id: chen, name: Chen, teams: "29:chen" }
          - { id: dana, name: Dana, roles: [manager] }
        """;

    public string Channels { get; init; } = """
        channels:
          announce: { slack: C0INCIDENTS }
          perIncident: true
        """;

    public string Summaries { get; init; } = """summaries: { daily: "09:00", weekly: "Mon 09:00" }""";

    public string Tickets { get; init; } = """
        tickets:
          urgent: { respondWithin: 1h, resolveWithin: 8h, promoteAs: sev1 }
          low: { respondWithin: 1d, resolveWithin: 5d, promoteAs: sev2 }
        """;

    public string Extra { get; init; } = "";

    public string Text => string.Join('\n',
        new[] { TimeZone, BusinessHours, Severities, Escalation, People, Channels, Summaries, Tickets, Extra }
            .Where(s => s.Length > 0)) + "\n";

    /// <summary>1-based line of the first line of <see cref="Text"/> containing <paramref name="marker"/>.</summary>
    public int LineOf(string marker)
    {
        var lines = Text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        if (index < 0)
            throw new ArgumentException($"'{marker}' is not in the plan text.", nameof(marker));
        return index + 1;
    }
}
