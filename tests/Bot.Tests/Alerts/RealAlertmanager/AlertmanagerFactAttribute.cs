namespace Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;

/// <summary>
/// A fact that drives a real Prometheus Alertmanager (Debian's <c>prometheus-alertmanager</c>). It is skipped, saying
/// why, where the binary is not installed. When <c>INCIDENTBOT_TEST_ALERTMANAGER</c> names the binary (as <c>.ci/run</c>
/// does once it has installed it) the test always runs, so a binary that went missing or does not start fails it loudly
/// instead of turning into a quiet skip.
/// </summary>
public sealed class AlertmanagerFactAttribute : FactAttribute
{
    public const string Variable = "INCIDENTBOT_TEST_ALERTMANAGER";

    public const string DebianBinary = "/usr/bin/prometheus-alertmanager";

    public AlertmanagerFactAttribute()
    {
        if (!Required && !File.Exists(DebianBinary))
            Skip = $"Alertmanager tests are off: apt-get install prometheus-alertmanager (.ci/run does), or set {Variable} to its binary.";
    }

    /// <summary>The binary to start: the one <c>INCIDENTBOT_TEST_ALERTMANAGER</c> names, else Debian's.</summary>
    public static string Executable => Required ? Environment.GetEnvironmentVariable(Variable)! : DebianBinary;

    private static bool Required => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));
}
