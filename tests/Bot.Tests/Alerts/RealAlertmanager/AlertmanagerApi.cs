using System.Collections.Concurrent;
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

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private readonly HttpClient _http = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, Fired> _fired = new();

    /// <summary>Fires one alert: no <c>endsAt</c>, so it stays firing until resolved (or Alertmanager's resolve timeout, 5 min).</summary>
    public Task FireAsync(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string>? annotations = null) =>
        FireAllAsync([new TestAlert(labels, annotations)]);

    /// <summary>
    /// Fires several alerts in one request, as Prometheus batches them: each with <c>startsAt</c> now (Prometheus sends
    /// when the alert became active), remembered with its annotations for resolving it.
    /// </summary>
    public Task FireAllAsync(IEnumerable<TestAlert> alerts)
    {
        var now = DateTimeOffset.UtcNow;
        return PostAsync(alerts.Select(alert =>
        {
            var annotations = alert.Annotations ?? Empty;
            var fired = _fired.AddOrUpdate(
                Identity(alert.Labels), _ => new Fired(now, annotations), (_, firing) => firing with { Annotations = annotations });
            return new PostableAlert(alert.Labels, annotations, fired.StartsAt, null, GeneratorUrl);
        }));
    }

    /// <summary>
    /// Resolves the alert with these labels as Prometheus does: the same labels, <c>startsAt</c> and annotations as when
    /// it fired, and <c>endsAt</c> now. Alertmanager tells the receiver at the group's next interval.
    /// </summary>
    public Task ResolveAsync(IReadOnlyDictionary<string, string> labels) => ResolveAllAsync([labels]);

    /// <summary>Resolves several alerts in one request.</summary>
    public Task ResolveAllAsync(IEnumerable<IReadOnlyDictionary<string, string>> labels)
    {
        var now = DateTimeOffset.UtcNow;
        return PostAsync(labels.Select(alert =>
        {
            if (!_fired.TryRemove(Identity(alert), out var fired))
                return new PostableAlert(alert, Empty, null, now, GeneratorUrl);
            // Alertmanager refuses an alert that ends before it starts, which a resolve in the same tick could do.
            var endsAt = now > fired.StartsAt ? now : fired.StartsAt.AddMilliseconds(1);
            return new PostableAlert(alert, fired.Annotations, fired.StartsAt, endsAt, GeneratorUrl);
        }));
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

    // Labels are an alert's identity; sorted, they make a key whatever order a test wrote them in.
    private static string Identity(IReadOnlyDictionary<string, string> labels) =>
        string.Join('\n', labels.OrderBy(label => label.Key, StringComparer.Ordinal).Select(label => $"{label.Key}={label.Value}"));

    private sealed record Fired(DateTimeOffset StartsAt, IReadOnlyDictionary<string, string> Annotations);

    private sealed record PostableAlert(
        [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
        [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
        [property: JsonPropertyName("startsAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? StartsAt,
        [property: JsonPropertyName("endsAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EndsAt,
        [property: JsonPropertyName("generatorURL")] string GeneratorUrl);
}
