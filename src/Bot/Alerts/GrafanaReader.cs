using System.Text.Json;
using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>
/// Grafana alerting's webhook contact point: Alertmanager's notification shape (<c>status</c>, <c>alerts</c>,
/// <c>commonLabels</c>, <c>externalURL</c>, ...) plus <c>orgId</c>, <c>title</c>, <c>state</c>, <c>message</c> and, per
/// alert, <c>silenceURL</c>, <c>dashboardURL</c>, <c>panelURL</c> and <c>values</c>. Grafana groups by its own
/// policy, which is rarely what should make one incident, so each alert is its own group, keyed by its
/// <c>fingerprint</c>.
/// </summary>
internal static class GrafanaReader
{
    public static AlertRead Read(JsonElement root, AlertSourcePlan source)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return AlertRead.Refused("The body must be a JSON object: a Grafana alerting webhook notification.");
        var statusText = AlertJson.Text(root, "status");
        var status = AlertJson.FiringOrResolved(statusText);
        if (statusText is not null && status is null)
            return AlertRead.Refused($"The notification has \"status\" '{AlertJson.Shown(statusText)}'; it must be firing or resolved.");
        var (raw, listProblem) = AlertItems.List(root);
        if (raw is null)
            return AlertRead.Refused(listProblem!);

        var groups = new List<AlertGroupSignal>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var (item, problem) = AlertItems.Read(raw[i], i + 1, status);
            if (item is null)
                return AlertRead.Refused(problem!);
            groups.Add(new AlertGroupSignal(
                AlertKeys.Fit(item.Fingerprint ?? AlertKeys.FromLabels(item.Labels)),
                item.Status,
                Title(raw[i], item),
                AlertJson.Label(item.Labels, source.SeverityLabel),
                [item],
                Link(raw[i]) ?? AlertJson.Text(root, "externalURL")));
        }

        return AlertRead.Of(new AlertBatch(source.Id, groups));
    }

    private static string Title(JsonElement alert, AlertItem item) =>
        (AlertJson.Object(alert, "annotations") is { } notes ? AlertJson.Text(notes, "summary") : null)
        ?? AlertJson.Label(item.Labels, "alertname")
        ?? item.Summary;

    // The panel or dashboard shows the data a responder needs; generatorURL only opens the rule's editor.
    private static string? Link(JsonElement alert) =>
        AlertJson.Text(alert, "panelURL") ?? AlertJson.Text(alert, "dashboardURL") ?? AlertJson.Text(alert, "generatorURL");
}
