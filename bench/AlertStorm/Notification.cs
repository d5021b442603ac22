using System.Text.Json;

namespace Jivrus.IncidentBot.Bench.AlertStorm;

/// <summary>
/// One Alertmanager webhook notification (version 4) as Alertmanager posts it for a group of one alert: every
/// number <c>n</c> is its own group (its own groupKey and instance), as when a network link drops and every host
/// behind it starts firing at once.
/// </summary>
internal static class Notification
{
    public static string GroupKey(string run, int n) => $"{{}}/{{severity=\"critical\"}}:{{alertname=\"BenchHostDown\", instance=\"bench-{run}-{n}\"}}";

    public static byte[] Body(string run, int n, DateTimeOffset startsAt)
    {
        var instance = $"bench-{run}-{n}:9100";
        var labels = new Dictionary<string, string>
        {
            ["alertname"] = "BenchHostDown",
            ["instance"] = instance,
            ["job"] = "node",
            ["severity"] = "critical",
        };
        var annotations = new Dictionary<string, string> { ["summary"] = $"Host {instance} is down" };
        var body = new
        {
            receiver = "incidentbot",
            status = "firing",
            alerts = new[]
            {
                new
                {
                    status = "firing",
                    labels,
                    annotations,
                    startsAt = startsAt.ToString("O"),
                    endsAt = "0001-01-01T00:00:00Z",
                    generatorURL = "http://prometheus:9090/graph?g0.expr=up+%3D%3D+0",
                    fingerprint = $"{run}{n:x8}",
                },
            },
            groupLabels = new Dictionary<string, string> { ["alertname"] = "BenchHostDown", ["instance"] = instance },
            commonLabels = labels,
            commonAnnotations = annotations,
            externalURL = "http://alertmanager:9093",
            version = "4",
            groupKey = GroupKey(run, n),
            truncatedAlerts = 0,
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}
