using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>Reads a body by the kind its source has in the plan. Never throws on what a sender wrote.</summary>
internal static class AlertReaders
{
    public static AlertRead Read(ReadOnlyMemory<byte> body, AlertSourcePlan source)
    {
        using var json = AlertJson.Parse(body);
        return json is null ? NotJson(source) : Read(json.RootElement, source);
    }

    public static AlertRead NotJson(AlertSourcePlan source) =>
        AlertRead.Refused($"The body is not JSON; alert source '{source.Id}' takes {Shape(source.Kind)}.");

    public static AlertRead Read(System.Text.Json.JsonElement root, AlertSourcePlan source) => source.Kind switch
    {
        AlertKind.Alertmanager => AlertmanagerReader.Read(root, source),
        AlertKind.Grafana => GrafanaReader.Read(root, source),
        _ => EventsReader.Read(root, source),
    };

    private static string Shape(AlertKind kind) => kind switch
    {
        AlertKind.Alertmanager => "Alertmanager webhook notifications (version 4)",
        AlertKind.Grafana => "Grafana alerting webhook notifications",
        _ => "events with \"event_action\" trigger, acknowledge or resolve",
    };
}
