using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>
/// Checks the <c>aliases:</c> of all severities together: a word may stand for one severity only, or a report
/// using it would be filed by the order of the file rather than by what the plan's author meant.
/// </summary>
internal static partial class SeverityAliases
{
    public static void Check(
        IReadOnlyList<SeverityPlan> severities, IReadOnlyList<(string Severity, string Alias, YamlNode Node)> aliases, PlanErrorList errors)
    {
        var first = new Dictionary<string, (string Severity, int Line)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (severity, alias, node) in aliases)
        {
            if (Token().IsMatch(alias))
            {
                errors.Add(node, $"alias '{alias}' of {severity} looks like a severity number (sev2, S2, P2 are read as numbers already); use a word");
                continue;
            }

            if (severities.FirstOrDefault(s => !Same(s.Id, severity) && (Same(s.Id, alias) || Same(s.Name, alias))) is { } other)
            {
                var what = Same(other.Id, alias) ? "id" : "name";
                errors.Add(node, $"alias '{alias}' of {severity} is the {what} of {other.Id}; an alias may name one severity only");
                continue;
            }

            if (first.TryGetValue(alias, out var earlier))
            {
                var where = Same(earlier.Severity, severity) ? $"listed twice for {severity}" : $"already an alias of {earlier.Severity}";
                errors.Add(node, $"alias '{alias}' of {severity} is {where} (line {earlier.Line}); an alias may name one severity only");
                continue;
            }

            first[alias] = (severity, PlanErrorList.LineOf(node));
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?:sev(?:-|\s)?|[sp])?[0-9]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
