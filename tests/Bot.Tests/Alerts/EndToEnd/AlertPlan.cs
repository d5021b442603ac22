namespace Jivrus.IncidentBot.Bot.Tests.Alerts.EndToEnd;

/// <summary>
/// The plan the end-to-end bot runs: the shipped one, with level 1 paging Ana and Ben directly (its rotations would
/// make who is paged depend on today's date), and an <c>alerts:</c> section of one source per kind.
/// </summary>
internal static class AlertPlan
{
    private const string ShippedLevelOne = "responders: [rotation:support, rotation:support-backup]";

    public static string Write(string folder)
    {
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plan.default.yaml"));
        if (!shipped.Contains(ShippedLevelOne, StringComparison.Ordinal))
            throw new InvalidOperationException($"plan.default.yaml no longer has level 1 as '{ShippedLevelOne}'; update {nameof(AlertPlan)}.");
        var plan = Path.Combine(folder, "plan.yaml");
        File.WriteAllText(plan, shipped.Replace(ShippedLevelOne, $"responders: [{string.Join(", ", AlertBot.LevelOne)}]", StringComparison.Ordinal) + $$"""

            alerts:
              - source: prometheus
                kind: alertmanager
                severity: { label: severity, map: { critical: sev1, warning: sev3 }, default: sev3 }
                autoResolve: true
                storm: { groups: {{AlertBot.StormGroups}}, within: 1m }
              - source: grafana
                kind: grafana
                severity: { label: severity, map: { critical: sev1, warning: sev3 }, default: sev3 }
                autoResolve: true
              - source: uptime
                kind: events
                severity: { map: { critical: sev1, error: sev2, warning: sev3, info: sev4 } }
                autoResolve: true

            """);
        return plan;
    }
}
