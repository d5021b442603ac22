namespace Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;

/// <summary>
/// What the harness writes into <c>alertmanager.yml</c>: one route grouping by <c>alertname</c> to one webhook receiver
/// with <c>send_resolved: true</c> and a bearer token. The timings default to ones a test can wait for.
/// </summary>
internal sealed record AlertmanagerOptions(Uri ReceiverUrl, string Token)
{
    /// <summary>The receiver's name, seen as <c>receiver</c> in every webhook. Default <c>incidentbot</c>.</summary>
    public string ReceiverName { get; init; } = "incidentbot";

    /// <summary>How long a new group waits for more alerts before its first notification. Default 1 s.</summary>
    public TimeSpan GroupWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a group waits before notifying about changes (new or resolved alerts). Default 1 s.</summary>
    public TimeSpan GroupInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long before an unchanged firing group is notified again. Default 1 h (no repeats in a test).</summary>
    public TimeSpan RepeatInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The address Alertmanager says it is reachable at (<c>externalURL</c> in the webhook). A fixed, made-up default
    /// keeps the per-run port out of captured payloads.
    /// </summary>
    public Uri ExternalUrl { get; init; } = new("http://alertmanager.example:9093");

    /// <summary>The configuration file's text. Strings are written JSON-quoted, which YAML reads as double-quoted scalars.</summary>
    public string ToYaml() =>
        $"""
        route:
          receiver: {Quote(ReceiverName)}
          group_by: [alertname]
          group_wait: {Duration(GroupWait)}
          group_interval: {Duration(GroupInterval)}
          repeat_interval: {Duration(RepeatInterval)}
        receivers:
          - name: {Quote(ReceiverName)}
            webhook_configs:
              - url: {Quote(ReceiverUrl.ToString())}
                send_resolved: true
                http_config:
                  authorization:
                    type: Bearer
                    credentials: {Quote(Token)}

        """;

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    // Alertmanager's durations take a unit suffix; milliseconds express every TimeSpan a test needs.
    private static string Duration(TimeSpan value) => $"{(long)value.TotalMilliseconds}ms";
}
