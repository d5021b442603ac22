using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager.AlertmanagerRig;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;

/// <summary>
/// Alerts/Recorded/alertmanager-firing.json and alertmanager-resolved.json are webhooks the installed Alertmanager sent,
/// for reader tests that need no Alertmanager. They were captured by this test with
/// <c>INCIDENTBOT_RECORD_ALERTMANAGER</c> set to that folder (it then writes them, pretty-printed, as received: times are
/// real; the addresses are the harness's fixed made-up ones, so no port appears). Otherwise it checks the files still
/// match what the installed version sends, times apart.
/// </summary>
public sealed class RecordedPayloadTests
{
    private const string RecordVariable = "INCIDENTBOT_RECORD_ALERTMANAGER";
    private const string ZeroTime = "0001-01-01T00:00:00Z";

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly IReadOnlyList<Dictionary<string, string>> Instances =
    [
        Labels(("alertname", "HighErrorRate"), ("severity", "critical"), ("service", "checkout"), ("job", "checkout"), ("instance", "checkout-1:8080")),
        Labels(("alertname", "HighErrorRate"), ("severity", "critical"), ("service", "checkout"), ("job", "checkout"), ("instance", "checkout-2:8080")),
    ];

    [AlertmanagerFact]
    public async Task FiringAndResolvedWebhooks_MatchTheRecordedPayloadsApartFromTimes()
    {
        await using var rig = await StartAsync();

        await rig.Api.FireAllAsync(Instances.Select(labels => new TestAlert(labels, Annotations(labels["instance"]))));
        var firing = (await rig.Receiver.WaitUntilAsync(all => all.Count >= 1, "the firing webhook")).Single();
        await rig.Api.ResolveAllAsync(Instances);
        var resolved = (await rig.Receiver.WaitUntilAsync(all => all.Any(w => w.Status == "resolved"), "the resolved webhook"))
            .Single(w => w.Status == "resolved");

        if (Environment.GetEnvironmentVariable(RecordVariable) is { Length: > 0 } folder)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "alertmanager-firing.json"), PrettyText(firing.Body));
            await File.WriteAllTextAsync(Path.Combine(folder, "alertmanager-resolved.json"), PrettyText(resolved.Body));
        }

        WithoutTimes(firing.Body).Should().Be(WithoutTimes(await RecordedAsync("alertmanager-firing.json")));
        WithoutTimes(resolved.Body).Should().Be(WithoutTimes(await RecordedAsync("alertmanager-resolved.json")));
    }

    private static Dictionary<string, string> Annotations(string instance) => Labels(
        ("summary", "Checkout error rate above 5% for 5 minutes"),
        ("description", $"5xx responses on {instance} are 7.2% of requests."),
        ("runbook_url", "https://runbooks.example/checkout-errors"));

    private static Task<string> RecordedAsync(string name) =>
        File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Alerts", "Recorded", name));

    private static string PrettyText(string body) => JsonNode.Parse(body)!.ToJsonString(Pretty) + "\n";

    // Times are the only values that differ from run to run; an unset endsAt (Go's zero time) is kept, it means "firing".
    private static string WithoutTimes(string body)
    {
        var root = JsonNode.Parse(body)!;
        foreach (var alert in root["alerts"]!.AsArray())
        {
            foreach (var field in new[] { "startsAt", "endsAt" })
            {
                if (alert![field]!.GetValue<string>() != ZeroTime)
                    alert[field] = "<time>";
            }
        }

        return root.ToJsonString(Pretty);
    }
}
