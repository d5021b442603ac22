using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>
/// Reads which severity a piece of text (a report's title) names, against the plan. Explicit tokens
/// (<c>sev1</c>, <c>SEV-1</c>, <c>sev 1</c>) are the reporter's own statement: they decide, and two different
/// ones are a mistake to ask about. Everything else (<c>S1</c>/<c>P1</c>, a severity's name, its aliases) is
/// evidence: when several severities are named the most urgent wins, because a wrong upgrade costs one
/// command and a wrong downgrade leaves an outage on a business-hours clock ("AWS S3 is down" is sev1 via
/// <c>down</c>, not sev3 via <c>S3</c>). Matching is case-insensitive on word boundaries, anywhere in the text.
/// </summary>
public static partial class SeverityWords
{
    private static readonly ConditionalWeakTable<ResponsePlan, Regex> WordPatterns = [];

    /// <summary>Reads <paramref name="text"/>: what it names, and the text without the tokens that decided.</summary>
    public static SeverityReading Read(ResponsePlan plan, string text)
    {
        ArgumentNullException.ThrowIfNull(plan);
        text ??= "";
        var strong = Explicit().Matches(text).ToList();
        var ids = strong.Select(m => "sev" + m.Groups["n"].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (ids.Count > 1)
            return SeverityReading.Conflict(text, $"Give one severity, not both {ids[0]} and {ids[1]}.");
        if (ids.Count == 1)
        {
            var word = strong[0].Value;
            var cleaned = Remove(text, strong);
            return plan.FindSeverity(ids[0]) is { } named
                ? new SeverityReading(named, word, true, cleaned, null)
                : SeverityReading.Conflict(cleaned, $"There is no severity '{ids[0]}'. Use one of {Ids(plan)}.");
        }

        // Evidence: S1/P1 tokens of severities the plan has, names and aliases; the most urgent wins, its first mention decides.
        (int Rank, Match Match, bool Token)? best = null;
        foreach (Match m in Short().Matches(text))
        {
            var rank = Rank(plan, "sev" + m.Groups["n"].Value);
            if (rank >= 0 && (best is null || rank < best.Value.Rank))
                best = (rank, m, true);
        }

        foreach (Match m in WordPattern(plan).Matches(text))
        {
            var rank = RankOfWord(plan, m.Value);
            if (rank >= 0 && (best is null || rank < best.Value.Rank))
                best = (rank, m, false);
        }

        if (best is not { } decided)
            return new SeverityReading(null, null, false, text, null);
        // S1/P1 said nothing but the severity, so it leaves the title; names and aliases are part of the sentence.
        var rest = decided.Token ? Remove(text, [decided.Match]) : text;
        return new SeverityReading(plan.Severities[decided.Rank], decided.Match.Value, false, rest, null);
    }

    /// <summary>
    /// The severity one word stands for (<c>sev2</c>, <c>SEV-2</c>, <c>2</c>, <c>S2</c>, <c>P2</c>, a name or an
    /// alias), or null. For commands that expect a severity and nothing else, such as <c>/incident sev</c>.
    /// </summary>
    public static SeverityPlan? Find(ResponsePlan plan, string word)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var w = Regex.Replace(word?.Trim() ?? "", @"\s+", " ");
        var number = Number().Match(w);
        if (number.Success)
            return plan.FindSeverity("sev" + number.Groups["n"].Value);
        var rank = RankOfWord(plan, w);
        return rank >= 0 ? plan.Severities[rank] : null;
    }

    /// <summary>The plan's severity ids, for messages: <c>sev1, sev2, sev3, sev4</c>.</summary>
    public static string Ids(ResponsePlan plan) => string.Join(", ", plan.Severities.Select(s => s.Id));

    private static int Rank(ResponsePlan plan, string id)
    {
        for (var i = 0; i < plan.Severities.Count; i++)
        {
            if (string.Equals(plan.Severities[i].Id, id, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        return -1;
    }

    private static int RankOfWord(ResponsePlan plan, string word)
    {
        var spaced = Regex.Replace(word, @"\s+", " ");
        for (var i = 0; i < plan.Severities.Count; i++)
        {
            var s = plan.Severities[i];
            if (string.Equals(s.Name, spaced, StringComparison.OrdinalIgnoreCase)
                || s.Aliases.Any(a => string.Equals(a, spaced, StringComparison.OrdinalIgnoreCase)))
                return i;
        }

        return -1;
    }

    private static Regex WordPattern(ResponsePlan plan) =>
        WordPatterns.GetValue(plan, static p =>
        {
            // Longest first, so "data loss" wins over a plain "data" alias at the same place.
            var words = p.Severities.SelectMany(s => s.Aliases.Prepend(s.Name))
                .Where(w => w.Trim().Length > 0)
                .OrderByDescending(w => w.Length)
                .Select(w => string.Join(@"\s+", w.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));
            var alternatives = string.Join('|', words);
            return new Regex(
                alternatives.Length == 0 ? "(?!)" : $@"(?<![\p{{L}}\p{{N}}_])(?:{alternatives})(?![\p{{L}}\p{{N}}_])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        });

    private static string Remove(string text, IReadOnlyList<Match> matches)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var m in matches.OrderBy(m => m.Index))
        {
            result.Append(text, at, m.Index - at).Append(' ');
            at = m.Index + m.Length;
        }

        result.Append(text, at, text.Length - at);
        return Regex.Replace(result.ToString(), @"\s+", " ").Trim();
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])sev(?:-|\s+)?(?<n>[1-9][0-9]{0,2})(?![\p{L}\p{N}_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Explicit();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[sp](?<n>[1-9][0-9]{0,2})(?![\p{L}\p{N}_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Short();

    [GeneratedRegex(@"^(?:sev(?:-|\s)?|[sp])?(?<n>[1-9][0-9]{0,2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}

/// <summary>
/// What <see cref="SeverityWords.Read"/> found. <see cref="Severity"/> is null when the text names none (or on a
/// <see cref="Problem"/>); <see cref="Word"/> is the text that decided, as written; <see cref="Text"/> is the
/// text without the tokens that only said the severity.
/// </summary>
public sealed record SeverityReading(SeverityPlan? Severity, string? Word, bool IsExplicit, string Text, string? Problem)
{
    internal static SeverityReading Conflict(string text, string problem) => new(null, null, false, text, problem);
}
