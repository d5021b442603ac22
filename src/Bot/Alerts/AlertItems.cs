using System.Text.Json;
using Jivrus.IncidentBot.Workflow.Alerts;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>
/// One entry of an <c>alerts</c> list as Alertmanager writes it (<c>status</c>, <c>labels</c>, <c>annotations</c>,
/// <c>startsAt</c>, <c>endsAt</c>, <c>generatorURL</c>, <c>fingerprint</c>); Grafana's alerts carry the same fields
/// and a few more.
/// </summary>
internal static class AlertItems
{
    /// <summary>The <c>alerts</c> list, or the sentence saying why there is none to read.</summary>
    public static (List<JsonElement>? Alerts, string? Problem) List(JsonElement root)
    {
        if (AlertJson.Array(root, "alerts") is not { } alerts)
            return (null, "The notification has no \"alerts\" list.");
        var list = alerts.EnumerateArray().ToList();
        if (list.Count == 0)
            return (null, "The notification's \"alerts\" list is empty; there is nothing to file.");
        return (list, null);
    }

    /// <summary>
    /// Alert number <paramref name="number"/> (1-based, for the sentence) of a list; an alert without a status takes
    /// the notification's <paramref name="fallback"/>.
    /// </summary>
    public static (AlertItem? Item, string? Problem) Read(JsonElement alert, int number, AlertStatus? fallback)
    {
        if (alert.ValueKind != JsonValueKind.Object)
            return (null, $"Alert #{number} of \"alerts\" is not a JSON object.");
        var statusText = AlertJson.Text(alert, "status");
        var status = statusText is null ? fallback : AlertJson.FiringOrResolved(statusText);
        if (status is null)
        {
            return (null, statusText is null
                ? $"Alert #{number} of \"alerts\" has no \"status\" (firing or resolved)."
                : $"Alert #{number} of \"alerts\" has \"status\" '{AlertJson.Shown(statusText)}'; it must be firing or resolved.");
        }

        var labels = AlertJson.Labels(AlertJson.Object(alert, "labels"));
        var item = new AlertItem(
            AlertJson.Text(alert, "fingerprint"),
            status.Value,
            Summary(alert, labels),
            labels,
            AlertJson.Time(alert, "startsAt"),
            AlertJson.Time(alert, "endsAt"));
        return (item, null);
    }

    /// <summary>What the alert says happened: its summary annotation, else its description, else its alert name.</summary>
    public static string Summary(JsonElement alert, IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        var annotations = AlertJson.Object(alert, "annotations");
        return (annotations is { } notes ? AlertJson.Text(notes, "summary") ?? AlertJson.Text(notes, "description") : null)
            ?? AlertJson.Label(labels, "alertname")
            ?? "Alert without a name or summary";
    }
}
