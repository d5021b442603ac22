using System.Globalization;
using System.Text;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>An incident channel's name, <c>inc-7-checkout-is-down</c>: lowercase letters, digits and dashes, at most 80.</summary>
internal static class SlackChannelName
{
    private const int MaxLength = 80;

    /// <summary>Leaves room for a <c>-NN</c> suffix when the name is already taken.</summary>
    private const int MaxBase = MaxLength - 4;

    public static string For(int incidentNumber, string title)
    {
        var name = new StringBuilder("inc-").Append(incidentNumber.ToString(CultureInfo.InvariantCulture));
        var slug = Slug(title);
        if (slug.Length > 0)
            name.Append('-').Append(slug);
        var text = name.ToString();
        return text.Length <= MaxBase ? text : text[..MaxBase].TrimEnd('-');
    }

    private static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                slug.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue; // é → e: the accent is dropped, the letter kept
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        return slug.ToString().Trim('-');
    }
}
