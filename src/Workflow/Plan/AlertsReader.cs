namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>Reads <c>alerts:</c>, the monitoring sources that may open incidents, checking severities and ids.</summary>
internal static class AlertsReader
{
    private static readonly Dictionary<string, AlertKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alertmanager"] = AlertKind.Alertmanager,
        ["grafana"] = AlertKind.Grafana,
        ["events"] = AlertKind.Events,
    };

    public static List<AlertSourcePlan> Read(YamlMap root, IReadOnlySet<string> severities, PlanErrorList errors)
    {
        var result = new List<AlertSourcePlan>();
        var items = root.List("alerts");
        if (items is null)
            return result;

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var item in items)
        {
            number++;
            var map = YamlMap.From(item, $"alert source #{number}", errors);
            if (map is null)
                continue;
            var id = map.Text("source", required: true);
            if (id is not null)
                map.Context = $"alert source {id}";
            map.AllowOnly("source", "kind", "severity", "autoResolve", "storm");
            if (id is not null && !IsUrlSegment(id))
            {
                errors.Add(map.Get("source")!, $"alert source '{id}' may hold only letters, digits, '-' and '_' (it is the last part of POST /alerts/{{source}})");
                id = null;
            }
            else if (id is not null && !seen.TryAdd(id, PlanErrorList.LineOf(map.Get("source")!)))
            {
                errors.Add(map.Get("source")!, $"duplicate alert source '{id}' (first defined on line {seen[id]})");
                id = null;
            }

            var source = ReadOne(map, id, severities, errors);
            if (source is not null)
                result.Add(source);
        }

        return result;
    }

    private static AlertSourcePlan? ReadOne(YamlMap map, string? id, IReadOnlySet<string> severities, PlanErrorList errors)
    {
        var kindText = map.Text("kind", required: true);
        AlertKind? kind = null;
        if (kindText is not null && Kinds.TryGetValue(kindText.Trim(), out var known))
            kind = known;
        else if (kindText is not null)
            errors.Add(map.Get("kind")!, $"{map.Context}.kind '{kindText}' must be alertmanager, grafana or events");

        var ok = true;
        var label = "severity";
        var severityMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? defaultSeverity = null;
        if (map.Map("severity", $"{map.Context}.severity") is { } severity)
        {
            severity.AllowOnly("label", "map", "default");
            label = severity.Text("label") ?? label;
            if (severity.Map("map", $"{map.Context}.severity.map") is { } values)
            {
                foreach (var (key, value) in values.Entries())
                {
                    var target = (value as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value ?? "";
                    if (severities.Contains(target))
                        severityMap[key.Value ?? ""] = target.ToLowerInvariant();
                    else
                    {
                        errors.Add(value, $"'{target}' in {map.Context}.severity.map is not a severity of this plan");
                        ok = false;
                    }
                }
            }

            if (severity.Text("default") is { } given)
            {
                if (severities.Contains(given))
                    defaultSeverity = given.ToLowerInvariant();
                else
                {
                    errors.Add(severity.Get("default")!, $"'{given}' in {map.Context}.severity.default is not a severity of this plan");
                    ok = false;
                }
            }
        }

        var stormGroups = 20;
        var stormWithin = TimeSpan.FromMinutes(1);
        if (map.Map("storm", $"{map.Context}.storm") is { } storm)
        {
            storm.AllowOnly("groups", "within");
            if (storm.Int("groups") is { } groups)
            {
                if (groups < 2)
                {
                    errors.Add(storm.Get("groups")!, $"{map.Context}.storm.groups must be at least 2 (the new alert groups within storm.within that make a storm)");
                    ok = false;
                }
                else
                    stormGroups = groups;
            }

            if (storm.Duration("within") is { } within)
            {
                if (within <= TimeSpan.Zero || within > TimeSpan.FromHours(1))
                {
                    errors.Add(storm.Get("within")!, $"{map.Context}.storm.within must be more than 0s and at most 1h");
                    ok = false;
                }
                else
                    stormWithin = within;
            }
        }

        var autoResolve = map.Bool("autoResolve") ?? false;
        if (!ok || id is null || kind is null)
            return null;
        return new AlertSourcePlan
        {
            Id = id,
            Kind = kind.Value,
            SeverityLabel = label,
            SeverityMap = severityMap,
            DefaultSeverity = defaultSeverity,
            AutoResolve = autoResolve,
            StormGroups = stormGroups,
            StormWithin = stormWithin,
        };
    }

    private static bool IsUrlSegment(string id) =>
        id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
