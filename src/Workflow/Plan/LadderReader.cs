using Jivrus.IncidentBot.Workflow.OnCall;
using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>Reads <c>escalation:</c>, checking every responder against the plan's people.</summary>
internal static class LadderReader
{
    public static EscalationLadder? Read(
        YamlMap root, IReadOnlyDictionary<string, string> people, IReadOnlyDictionary<string, string> rotations, PlanErrorList errors)
    {
        var map = root.Map("escalation", "escalation", required: true);
        if (map is null)
            return null;
        map.AllowOnly("repeatAtTop", "levels");

        // Zero means "stop at the top"; there is no sensible meaning for a negative count.
        var repeat = map.Int("repeatAtTop") ?? 0;
        if (repeat < 0)
            errors.Add(map.Get("repeatAtTop")!, $"escalation.repeatAtTop must be 0 or more, not {repeat}");

        var items = map.List("levels", required: true);
        if (items is null)
            return null;
        if (items.Count == 0)
            errors.Add(map.Get("levels")!, "the escalation ladder has no levels; add at least one");

        var levels = new List<EscalationLevel>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var level = ReadLevel(item, levels.Count + 1, seen, people, rotations, errors);
            if (level is not null)
                levels.Add(level);
        }

        return new EscalationLadder(Math.Max(repeat, 0), levels);
    }

    private static EscalationLevel? ReadLevel(
        YamlNode item, int number, Dictionary<string, int> seen, IReadOnlyDictionary<string, string> people,
        IReadOnlyDictionary<string, string> rotations, PlanErrorList errors)
    {
        var map = YamlMap.From(item, $"escalation level #{number}", errors);
        if (map is null)
            return null;
        var id = map.Text("id");
        if (id is not null)
            map.Context = $"escalation level {id}";
        map.AllowOnly("id", "name", "responders", "acknowledgeWithin");
        map.Get("id", required: true);
        if (id is not null)
        {
            var idNode = map.Get("id")!;
            if (seen.TryGetValue(id, out var firstLine))
                errors.Add(idNode, $"duplicate escalation level '{id}' (first defined on line {firstLine})");
            else
                seen[id] = PlanErrorList.LineOf(idNode);
        }

        var name = map.Text("name", required: true);
        var acknowledge = map.Duration("acknowledgeWithin");
        var responders = ReadResponders(map, people, rotations, errors);
        var acknowledgeValid = acknowledge is not null || map.Get("acknowledgeWithin") is null;
        return id is null || name is null || responders is null || !acknowledgeValid
            ? null
            : new EscalationLevel(id, name, responders, acknowledge);
    }

    // A responder is a person id or rotation:<id>; the rotation is kept by name and resolved when the level is paged.
    private static List<string>? ReadResponders(
        YamlMap map, IReadOnlyDictionary<string, string> people, IReadOnlyDictionary<string, string> rotations, PlanErrorList errors)
    {
        var items = map.List("responders");
        if (items is null)
        {
            if (map.Get("responders") is null && !map.IsMisspelt("responders"))
                errors.Add(map.Line, $"{map.Context} has no responders");
            return null;
        }

        if (items.Count == 0)
        {
            errors.Add(map.Get("responders")!, $"{map.Context} has no responders");
            return null;
        }

        var responders = new List<string>();
        foreach (var item in items)
        {
            var personId = (item as YamlScalarNode)?.Value ?? "";
            if (Rotation.IdOf(personId) is { } rotationId)
            {
                if (rotations.TryGetValue(rotationId, out var rotation))
                    responders.Add(Rotation.ResponderPrefix + rotation);
                else
                    errors.Add(item, $"unknown rotation '{rotationId}' in {map.Context}; declare it under rotations:");
            }
            else if (people.TryGetValue(personId, out var canonical))
                responders.Add(canonical);
            else
                errors.Add(item, $"unknown person '{personId}' in {map.Context}");
        }

        return responders.Count == items.Count ? responders : null;
    }
}
