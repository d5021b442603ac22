using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>Reads <c>people:</c>. Ids are unique ignoring case because commands look people up that way.</summary>
internal static class PeopleReader
{
    /// <summary>Roles a person may hold. People on the ladder need no role to act on the incidents it pages them for.</summary>
    private static readonly string[] Roles = [PersonRoles.Manager, PersonRoles.Responder];

    // declared: every id the file declares, even on entries with other errors, mapped to its spelling
    // in the file, so the ladder check does not report such a person as unknown as well.
    public static List<Person> Read(YamlMap root, PlanErrorList errors, out IReadOnlyDictionary<string, string> declared)
    {
        var result = new List<Person>();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        declared = ids;
        var items = root.List("people", required: true);
        if (items is null)
            return result;

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var item in items)
        {
            number++;
            var map = YamlMap.From(item, $"person #{number}", errors);
            if (map is null)
                continue;
            var id = map.Text("id");
            if (id is not null)
                map.Context = $"person {id}";
            map.AllowOnly("id", "name", "slack", "teams", "email", "roles");
            map.Get("id", required: true);
            if (id is not null)
            {
                var idNode = map.Get("id")!;
                if (seen.TryGetValue(id, out var firstLine))
                    errors.Add(idNode, $"duplicate person '{id}' (first defined on line {firstLine})");
                else
                    seen[id] = PlanErrorList.LineOf(idNode);
                ids.TryAdd(id, id);
            }

            var name = map.Text("name", required: true);
            var roles = ReadRoles(map, errors);
            if (id is not null && name is not null && roles is not null)
                result.Add(new Person(id, name, map.Text("slack"), map.Text("teams"), map.Text("email"), roles));
        }

        return result;
    }

    private static List<string>? ReadRoles(YamlMap map, PlanErrorList errors)
    {
        var items = map.List("roles");
        if (items is null)
            return map.Get("roles") is null ? [] : null;
        var roles = new List<string>();
        var valid = true;
        foreach (var item in items)
        {
            var role = (item as YamlScalarNode)?.Value ?? "";
            if (Roles.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                roles.Add(role.ToLowerInvariant());
                continue;
            }

            errors.Add(item, $"unknown role '{role}' for {map.Context} (use manager or responder)");
            valid = false;
        }

        return valid ? roles : null;
    }
}
