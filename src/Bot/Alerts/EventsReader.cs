using System.Text.Json;
using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>
/// One event in the shape of PagerDuty's Events API v2: <c>event_action</c> (trigger, acknowledge, resolve),
/// <c>dedup_key</c>, <c>payload</c> (<c>summary</c>, <c>source</c>, <c>severity</c>, <c>timestamp</c>,
/// <c>component</c>, <c>group</c>, <c>class</c>, <c>custom_details</c>), <c>links</c> and <c>client_url</c>. The
/// <c>routing_key</c> is the endpoint's business (it may carry the token), not the reader's.
/// </summary>
internal static class EventsReader
{
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];
    private static readonly string[] PayloadLabels = ["source", "component", "group", "class"];

    public static AlertRead Read(JsonElement root, AlertSourcePlan source)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return AlertRead.Refused("The body must be a JSON object: an event with \"event_action\" trigger, acknowledge or resolve.");
        var action = AlertJson.Text(root, "event_action");
        AlertStatus? status = action?.ToLowerInvariant() switch
        {
            "trigger" => AlertStatus.Firing,
            "acknowledge" => AlertStatus.Acknowledged,
            "resolve" => AlertStatus.Resolved,
            _ => null,
        };
        if (status is null)
        {
            return AlertRead.Refused(action is null
                ? "The event has no \"event_action\"; it must be trigger, acknowledge or resolve."
                : $"The event has \"event_action\" '{AlertJson.Shown(action)}'; it must be trigger, acknowledge or resolve.");
        }

        var payload = AlertJson.Object(root, "payload");
        var summary = payload is { } p ? AlertJson.Text(p, "summary") : null;
        var dedupKey = AlertJson.Text(root, "dedup_key");
        string? severity = null;
        if (status == AlertStatus.Firing)
        {
            if (Trigger(payload, summary) is { } problem)
                return AlertRead.Refused(problem);
            severity = AlertJson.Text(payload!.Value, "severity")!.ToLowerInvariant();
            // PagerDuty makes up a random key for a trigger without one; a key made from what the event says instead
            // lets a sender's retry of the same trigger (after a timeout) land on the same incident instead of paging
            // twice, and lets the same problem from the same system repeat onto it. The reply tells the sender the key.
            dedupKey ??= AlertKeys.Hash($"{source.Id}\n{AlertJson.Text(payload.Value, "source")}\n{summary}");
        }
        else if (dedupKey is null)
        {
            return AlertRead.Refused(status == AlertStatus.Resolved
                ? "A resolve event needs the \"dedup_key\" of the alert it resolves."
                : "An acknowledge event needs the \"dedup_key\" of the alert it acknowledges.");
        }

        var key = AlertKeys.Fit(dedupKey!);
        var title = summary ?? $"Event {key}";
        var when = payload is { } at ? AlertJson.Time(at, "timestamp") : null;
        var item = new AlertItem(
            key, status.Value, title, Labels(payload), status == AlertStatus.Firing ? when : null, status == AlertStatus.Resolved ? when : null);
        var group = new AlertGroupSignal(key, status.Value, title, severity, [item], Link(root));
        return AlertRead.Of(new AlertBatch(source.Id, [group]));
    }

    private static string? Trigger(JsonElement? payload, string? summary)
    {
        if (payload is not { } p)
            return "A trigger event needs a \"payload\" with summary, source and severity.";
        if (summary is null)
            return "A trigger event needs \"payload.summary\", the sentence that says what is wrong.";
        if (AlertJson.Text(p, "source") is null)
            return "A trigger event needs \"payload.source\", the system that has the problem (a host name, for instance).";
        var severity = AlertJson.Text(p, "severity");
        if (severity is null)
            return "A trigger event needs \"payload.severity\": critical, error, warning or info.";
        return Severities.Contains(severity.ToLowerInvariant())
            ? null
            : $"The event has \"payload.severity\" '{AlertJson.Shown(severity)}'; it must be critical, error, warning or info.";
    }

    /// <summary>The payload's source, component, group and class, then the scalar custom details not already named.</summary>
    private static List<KeyValuePair<string, string>> Labels(JsonElement? payload)
    {
        var labels = new List<KeyValuePair<string, string>>();
        if (payload is not { } p)
            return labels;
        foreach (var name in PayloadLabels)
        {
            if (AlertJson.Text(p, name) is { } value)
                labels.Add(new(name, value));
        }

        foreach (var detail in AlertJson.Labels(AlertJson.Object(p, "custom_details")))
        {
            if (!labels.Exists(l => l.Key == detail.Key))
                labels.Add(detail);
        }

        return labels;
    }

    private static string? Link(JsonElement root)
    {
        if (AlertJson.Array(root, "links") is { } links)
        {
            foreach (var link in links.EnumerateArray())
            {
                if (AlertJson.Text(link, "href") is { } href)
                    return href;
            }
        }

        return AlertJson.Text(root, "client_url");
    }
}
