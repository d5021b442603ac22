using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>Reads <c>severities:</c>, keeping file order (most urgent first) and rejecting duplicates.</summary>
internal static partial class SeverityReader
{
    private static readonly string[] Keys =
        ["id", "name", "aliases", "description", "acknowledgeWithin", "updateEvery", "resolveWithin", "clock", "rca"];

    // declared: every well-formed id the file declares, even on entries with other errors, so references
    // to them (promoteAs, defaultSeverity) are not reported as unknown as well.
    public static List<SeverityPlan> Read(YamlMap root, PlanErrorList errors, out IReadOnlySet<string> declared)
    {
        var result = new List<SeverityPlan>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        declared = seen.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var items = root.List("severities", required: true);
        if (items is null)
            return result;
        if (items.Count == 0)
            errors.Add(root.Get("severities")!, "the plan defines no severities; add at least sev1");

        var number = 0;
        var aliases = new List<(string Severity, string Alias, YamlNode Node)>();
        foreach (var item in items)
        {
            number++;
            var map = YamlMap.From(item, $"severity #{number}", errors);
            if (map is null)
                continue;
            var id = map.Text("id");
            if (id is not null)
                map.Context = $"severity {id}";
            map.AllowOnly(Keys);
            map.Get("id", required: true);
            if (id is not null)
            {
                if (!SevId().IsMatch(id))
                    errors.Add(map.Get("id")!, $"severity id '{id}' must look like sev1, sev2, ... sevN");
                else if (seen.TryGetValue(id, out var firstLine))
                    errors.Add(map.Get("id")!, $"duplicate severity '{id}' (first defined on line {firstLine})");
                else
                    seen[id] = PlanErrorList.LineOf(map.Get("id")!);
            }

            var own = ReadAliases(map, errors);
            if (id is not null)
                aliases.AddRange(own.Select(a => (id, a.Alias, a.Node)));
            if (ReadOne(map, id, errors) is { } severity)
                result.Add(severity with { Aliases = own.Select(a => a.Alias).ToList() });
        }

        SeverityAliases.Check(result, aliases, errors);
        declared = seen.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return result;
    }

    private static SeverityPlan? ReadOne(YamlMap map, string? id, PlanErrorList errors)
    {
        var name = map.Text("name", required: true);
        var acknowledge = map.Duration("acknowledgeWithin", required: true);
        var update = map.Duration("updateEvery", required: true);
        var resolve = map.Duration("resolveWithin", required: true);
        var clock = ReadClock(map, errors);
        var rca = ReadRca(map, errors);
        if (id is null || name is null || acknowledge is null || update is null || resolve is null || clock is null || rca is null)
            return null;
        return new SeverityPlan
        {
            Id = id,
            Name = name,
            Description = map.Text("description") ?? "",
            AcknowledgeWithin = acknowledge.Value,
            UpdateEvery = update.Value,
            ResolveWithin = resolve.Value,
            Clock = clock.Value,
            Rca = rca,
        };
    }

    private static List<(string Alias, YamlNode Node)> ReadAliases(YamlMap map, PlanErrorList errors)
    {
        var result = new List<(string, YamlNode)>();
        foreach (var item in map.List("aliases") ?? [])
        {
            var alias = string.Join(' ', ((item as YamlScalarNode)?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (alias.Length == 0)
                errors.Add(item, $"an alias of {map.Context} must be a word or words, such as outage or \"data loss\"");
            else
                result.Add((alias, item));
        }

        return result;
    }

    private static ClockKind? ReadClock(YamlMap map, PlanErrorList errors)
    {
        var text = map.Text("clock");
        switch (text)
        {
            case null or "calendar":
                return ClockKind.Calendar;
            case "businessHours":
                return ClockKind.BusinessHours;
            default:
                errors.Add(map.Get("clock")!, $"clock '{text}' in {map.Context} must be calendar or businessHours");
                return null;
        }
    }

    private static RcaRule? ReadRca(YamlMap severity, PlanErrorList errors)
    {
        var map = severity.Map("rca", $"rca of {severity.Context}");
        if (map is null)
            return severity.Get("rca") is null ? RcaRule.NotRequired : null;
        map.AllowOnly("required", "dueWithin");
        var required = map.Bool("required");
        var due = map.Duration("dueWithin");
        if (required == true && due is null && map.Get("dueWithin") is null)
            errors.Add(map.Line, $"{severity.Context} requires an RCA but sets no rca.dueWithin");
        if (required is null && map.Get("required") is not null)
            return null;
        return required == true
            ? due is null ? null : new RcaRule(true, due.Value)
            : new RcaRule(false, due ?? TimeSpan.Zero);
    }

    [GeneratedRegex("^sev[1-9][0-9]{0,2}$")]
    private static partial Regex SevId();
}
