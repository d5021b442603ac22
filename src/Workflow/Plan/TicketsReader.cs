namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>Reads <c>tickets:</c>, the fallback SLA per Freshdesk priority and the severity a promoted ticket gets.</summary>
internal static class TicketsReader
{
    /// <summary>Freshdesk's four priorities; anything else could never match a ticket.</summary>
    private static readonly string[] Priorities = ["urgent", "high", "medium", "low"];

    public static Dictionary<string, TicketTarget>? Read(YamlMap root, IReadOnlySet<string> severities, PlanErrorList errors)
    {
        var result = new Dictionary<string, TicketTarget>(StringComparer.OrdinalIgnoreCase);
        if (root.Get("tickets") is null)
            return result;
        var map = root.Map("tickets", "tickets");
        if (map is null)
            return null;

        var valid = true;
        foreach (var (key, value) in map.Entries())
        {
            var priority = key.Value ?? "";
            if (!Priorities.Contains(priority, StringComparer.Ordinal))
            {
                errors.Add(key, $"unknown ticket priority '{priority}' (use urgent, high, medium or low)");
                valid = false;
                continue;
            }

            var target = ReadTarget(value, priority, severities, errors);
            if (target is null)
                valid = false;
            else
                result[priority] = target;
        }

        return valid ? result : null;
    }

    private static TicketTarget? ReadTarget(
        YamlDotNet.RepresentationModel.YamlNode node, string priority, IReadOnlySet<string> severities, PlanErrorList errors)
    {
        var map = YamlMap.From(node, $"tickets.{priority}", errors);
        if (map is null)
            return null;
        map.AllowOnly("respondWithin", "resolveWithin", "promoteAs");
        var respond = map.Duration("respondWithin", required: true);
        var resolve = map.Duration("resolveWithin", required: true);
        var promoteAs = map.Text("promoteAs", required: true);
        if (promoteAs is not null && !severities.Contains(promoteAs))
        {
            errors.Add(map.Get("promoteAs")!, $"promoteAs '{promoteAs}' in tickets.{priority} is not a severity of this plan");
            return null;
        }

        return respond is null || resolve is null || promoteAs is null
            ? null
            : new TicketTarget(respond.Value, resolve.Value, promoteAs.ToLowerInvariant());
    }
}
