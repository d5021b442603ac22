using System.Globalization;
using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>
/// Reads the free text of an RCA's <c>actions:</c> into actions. Actions are separated by new lines or <c>;</c>;
/// a leading bullet (<c>-</c>, <c>*</c>, <c>•</c>, <c>1.</c>, <c>1)</c>) is dropped. Inside an action the same words as
/// <c>/incident action add</c> give its owner and due date, anywhere in it: <c>owner @ana</c> (a plan person's id or
/// name) and <c>due 5d</c> or <c>due 2026-12-20</c> (the end of business hours that day, in the plan's time zone).
/// <c>owner:</c>, <c>due:</c> and parentheses around them are read too. An action without them may exist.
/// </summary>
public static partial class ActionText
{
    /// <summary>Most actions one RCA may create; more is almost certainly a pasted document.</summary>
    public const int MaxActions = 20;

    /// <summary>How the RCA forms label the two parts of the text they send.</summary>
    public const string FactorsLabel = "Contributing factors:";

    /// <inheritdoc cref="FactorsLabel"/>
    public const string ActionsLabel = "Corrective actions:";

    private static readonly char[] Separators = ['\n', ';'];
    private static readonly char[] Wrapping = ['(', ')', ',', '.', ';'];

    /// <summary>The actions in <paramref name="text"/>, or the sentence saying what is wrong with one.</summary>
    public static (IReadOnlyList<ActionSpec> Actions, string? Problem) Parse(string? text, ResponsePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var actions = new List<ActionSpec>();
        foreach (var item in Items(text))
        {
            var (spec, problem) = ParseOne(item, plan, now);
            if (problem is not null)
                return ([], problem);
            actions.Add(spec!);
        }

        return actions.Count > MaxActions
            ? ([], $"An RCA may list at most {MaxActions} corrective actions; add the rest with /incident action add.")
            : (actions, null);
    }

    /// <summary>
    /// The due date a person wrote: a duration from now (<c>5d</c>, <c>2w</c>) or a date (<c>2026-12-20</c>, due at the
    /// end of business hours that day in the plan's zone). Null with a sentence when it is neither or already past.
    /// </summary>
    public static (DateTimeOffset? Due, string? Problem) ParseDue(string word, ResponsePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (DurationText.TryParse(word, out var span))
            return (now + span, null);
        if (!DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, $"'{word}' is not a due date; write a duration such as 5d or a date such as 2026-12-20.");
        var due = WallClock.ToUtc(date.ToDateTime(plan.BusinessHours.End), plan.TimeZone);
        return due <= now
            ? (null, $"The due date {word} has already passed; give a later date or a duration such as 5d.")
            : (due, null);
    }

    /// <summary>A plan person by id or by name, as an owner is written (<c>@ana</c>, <c>ana</c>, <c>Ana</c>).</summary>
    public static Person? FindOwner(string word, ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var name = word.TrimStart('@').Trim(Wrapping);
        return plan.FindPerson(name) ?? plan.People.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> Items(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield break;
        // The RCA forms send "Contributing factors: ...\nCorrective actions: ...": only the second part lists actions.
        if (text.StartsWith(FactorsLabel, StringComparison.OrdinalIgnoreCase)
            && text.IndexOf(ActionsLabel, StringComparison.OrdinalIgnoreCase) is var at and > 0)
            text = text[(at + ActionsLabel.Length)..];
        foreach (var part in text.Replace("\r", "", StringComparison.Ordinal).Split(Separators))
        {
            var item = Bullet().Replace(part.Trim(), "").Trim();
            if (item.Length > 0)
                yield return item;
        }
    }

    private static (ActionSpec? Spec, string? Problem) ParseOne(string item, ResponsePlan plan, DateTimeOffset now)
    {
        var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>();
        Person? owner = null;
        DateTimeOffset? due = null;
        for (var i = 0; i < words.Length; i++)
        {
            var keyword = words[i].Trim(Wrapping).TrimEnd(':').ToLowerInvariant();
            var next = i + 1 < words.Length ? words[i + 1].Trim(Wrapping) : null;
            if (keyword == "owner" && next is { Length: > 0 })
            {
                if (FindOwner(next, plan) is { } found)
                {
                    owner = found;
                    i++;
                    continue;
                }

                // "@zed" is meant as an owner; "the owner of the repo" is just text.
                if (next.StartsWith('@'))
                    return (null, $"The response plan has no person '{next.TrimStart('@')}' to own \"{Clip(item)}\". People: {string.Join(", ", plan.People.Select(p => p.Id))}.");
            }
            else if (keyword == "due" && next is { Length: > 0 } && LooksLikeDue(next))
            {
                var (parsed, problem) = ParseDue(next, plan, now);
                if (problem is not null)
                    return (null, problem);
                due = parsed;
                i++;
                continue;
            }

            kept.Add(words[i]);
        }

        var text = string.Join(' ', kept).Trim().TrimEnd(',', ';', '(').Trim();
        if (text.Length == 0)
            return (null, $"The corrective action \"{Clip(item)}\" says who and when but not what is to be done.");
        return text.Length > CorrectiveAction.MaxTextLength
            ? (null, $"A corrective action may be at most {CorrectiveAction.MaxTextLength} characters; split \"{Clip(text)}\" into several.")
            : (new ActionSpec(text, owner, due), null);
    }

    // "due 5d", "due 2026-12-20" are due dates; "due diligence" is text.
    private static bool LooksLikeDue(string word) => word.Length > 0 && char.IsAsciiDigit(word[0]);

    /// <summary>An action's text shortened for a sentence.</summary>
    public static string Clip(string text) => text.Length <= 40 ? text : text[..39] + "…";

    [GeneratedRegex(@"^([-*•]|\d{1,2}[.)]|#\d{1,2})\s+")]
    private static partial Regex Bullet();
}
