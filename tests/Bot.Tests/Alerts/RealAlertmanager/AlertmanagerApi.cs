using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;

/// <summary>One alert as a client sends it: its identity (labels, <c>alertname</c> among them) and what it says.</summary>
internal sealed record TestAlert(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string>? Annotations = null);

/// <summary>
/// Alertmanager's <c>POST /api/v2/alerts</c> (a JSON array of alerts with <c>labels</c>, <c>annotations</c>, optional
/// <c>startsAt</c> / <c>endsAt</c> in RFC 3339 and <c>generatorURL</c>), as Prometheus uses it.
/// </summary>
internal sealed class AlertmanagerApi(Uri address) : IDisposable
{
    /// <summary>The back-link every alert carries, as Prometheus sets one; fixed so captured payloads do not vary.</summary>
    public const string GeneratorUrl = "http://prometheus.example:9090/graph?g0.expr=up+%3D%3D+0";

    private readonly HttpClient _http = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Fires one alert: no <c>endsAt</c>, so it stays firing until resolved (or Alertmanager's resolve timeout, 5 min).</summary>
    public Task FireAsync(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string>? annotations = null) =>
        FireAllAsync([new TestAlert(labels, annotations)]);

    /// <summary>Fires several alerts in one request, as Prometheus batches them.</summary>
    public Task FireAllAsync(IEnumerable<TestAlert> alerts) =>
        PostAsync(alerts.Select(alert => new PostableAlert(alert.Labels, alert.Annotations ?? Empty, null, GeneratorUrl)));

    /// <summary>
    /// Resolves the alert with these labels: the same identity with <c>endsAt</c> a second in the past. Alertmanager keeps
    /// the first <c>startsAt</c> and tells the receiver at the group's next interval.
    /// </summary>
    public Task ResolveAsync(IReadOnlyDictionary<string, string> labels) => ResolveAllAsync([labels]);

    /// <summary>Resolves several alerts in one request.</summary>
    public Task ResolveAllAsync(IEnumerable<IReadOnlyDictionary<string, string>> labels)
    {
        var endsAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        return PostAsync(labels.Select(alert => new PostableAlert(alert, Empty, endsAt, GeneratorUrl)));
    }

    /// <summary>
    /// A storm: <paramref name="count"/> alerts with distinct alertnames (<c>{prefix}001</c>, …) in one request, so each
    /// is a group of its own. Returns the alertnames.
    /// </summary>
    public async Task<IReadOnlyList<string>> FireStormAsync(int count, string prefix = "LinkDown")
    {
        var names = Enumerable.Range(1, count).Select(i => $"{prefix}{i:000}").ToList();
        await FireAllAsync(names.Select(name => new TestAlert(
            new Dictionary<string, string> { ["alertname"] = name, ["severity"] = "warning" },
            new Dictionary<string, string> { ["summary"] = $"{name} is down" })));
        return names;
    }

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(IEnumerable<PostableAlert> alerts)
    {
        using var response = await _http.PostAsJsonAsync("api/v2/alerts", alerts.ToList());
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"Alertmanager refused the alerts with {(int)response.StatusCode}: {body}");
        }
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private sealed record PostableAlert(
        [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
        [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
        [property: JsonPropertyName("endsAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EndsAt,
        [property: JsonPropertyName("generatorURL")] string GeneratorUrl);
}
