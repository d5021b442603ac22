using System.Text.Json;
using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>
/// Prometheus Alertmanager's webhook notification, version 4: one alert group per notification, named by
/// <c>groupKey</c>, with <c>status</c>, <c>alerts</c>, <c>groupLabels</c>, <c>commonLabels</c>,
/// <c>commonAnnotations</c> and <c>externalURL</c> (Alertmanager's notify/webhook message over its template data).
/// </summary>
internal static class AlertmanagerReader
{
    public static AlertRead Read(JsonElement root, AlertSourcePlan source)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return AlertRead.Refused("The body must be a JSON object: an Alertmanager webhook notification (\"version\": \"4\").");
        if (AlertJson.Text(root, "version") is not { } version)
            return AlertRead.Refused("The body has no \"version\"; an Alertmanager webhook notification carries \"version\": \"4\".");
        if (version != "4")
        {
            var hint = root.TryGetProperty("orgId", out _) ? "; it looks like Grafana's, so give this source kind: grafana in the response plan" : "";
            return AlertRead.Refused($"The body is a notification of version '{AlertJson.Shown(version)}', not an Alertmanager webhook notification of version 4{hint}.");
        }

        if (AlertJson.Text(root, "groupKey") is not { } groupKey)
            return AlertRead.Refused("The notification has no \"groupKey\", which names its alert group; Alertmanager always sends one.");
        var statusText = AlertJson.Text(root, "status");
        if (AlertJson.FiringOrResolved(statusText) is not { } status)
        {
            return AlertRead.Refused(statusText is null
                ? "The notification has no \"status\" (firing or resolved)."
                : $"The notification has \"status\" '{AlertJson.Shown(statusText)}'; it must be firing or resolved.");
        }

        var (raw, listProblem) = AlertItems.List(root);
        if (raw is null)
            return AlertRead.Refused(listProblem!);
        var alerts = new List<AlertItem>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var (item, problem) = AlertItems.Read(raw[i], i + 1, status);
            if (item is null)
                return AlertRead.Refused(problem!);
            alerts.Add(item);
        }

        var common = AlertJson.Labels(AlertJson.Object(root, "commonLabels"));
        var group = new AlertGroupSignal(
            AlertKeys.Fit(groupKey),
            status,
            Title(root, common, alerts, source),
            AlertJson.Label(common, source.SeverityLabel) ?? AlertJson.Label(alerts[0].Labels, source.SeverityLabel),
            alerts,
            AlertJson.Text(root, "externalURL") ?? AlertJson.Text(raw[0], "generatorURL"));
        return AlertRead.Of(new AlertBatch(source.Id, [group]));
    }

    /// <summary>
    /// The common summary; else the common alert name, with where it fires when the group holds one alert
    /// ("HighLatency on api-1:9100"); else the one alert's own summary; else the group's labels; never empty.
    /// </summary>
    private static string Title(JsonElement root, List<KeyValuePair<string, string>> common, List<AlertItem> alerts, AlertSourcePlan source)
    {
        if (AlertJson.Object(root, "commonAnnotations") is { } notes && AlertJson.Text(notes, "summary") is { } summary)
            return summary;
        if (AlertJson.Label(common, "alertname") is { } name)
        {
            return alerts.Count == 1 && (AlertJson.Label(alerts[0].Labels, "instance") ?? AlertJson.Label(alerts[0].Labels, "job")) is { } where
                ? $"{name} on {where}"
                : name;
        }

        if (alerts.Count == 1)
            return alerts[0].Summary;
        var grouped = AlertJson.Labels(AlertJson.Object(root, "groupLabels"));
        return grouped.Count > 0
            ? "Alerts for " + string.Join(", ", grouped.Select(l => $"{l.Key}={l.Value}"))
            : $"Alerts from {source.Id}";
    }
}
