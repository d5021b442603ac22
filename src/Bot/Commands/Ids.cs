using System.Globalization;

namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>Incident ids (<c>INC-7</c>, <c>inc7</c>, <c>#7</c>, <c>7</c>) and ticket ids (<c>42</c>, <c>#42</c>).</summary>
internal static class Ids
{
    public const string IncidentIdError = "'{0}' is not an incident id; write it like INC-7, #7 or 7.";

    /// <summary>
    /// <see cref="IdKind.Malformed"/> only for tokens that clearly meant to be an id (<c>INC-x</c>,
    /// <c>#0</c>), so the user hears about the typo instead of it landing in the update text.
    /// A bare number that is no valid id (<c>0</c>, huge) is ordinary text.
    /// </summary>
    public static IdKind Incident(string token, out int number)
    {
        number = 0;
        var span = token.AsSpan();
        var marked = span.StartsWith("#");
        if (marked)
            span = span[1..];

        if (span.StartsWith("inc", StringComparison.OrdinalIgnoreCase))
        {
            span = span[3..];
            var dashed = span.StartsWith("-");
            if (dashed)
                span = span[1..];
            if (span.IsEmpty || !AllDigits(span))
                return dashed ? IdKind.Malformed : IdKind.None; // "INC-x" is a typo, "include" is a word
            marked = true;
        }
        else if (span.IsEmpty || !AllDigits(span))
        {
            return IdKind.None;
        }

        if (int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0)
            return IdKind.Valid;
        number = 0;
        return marked ? IdKind.Malformed : IdKind.None;
    }

    public static bool TryTicket(string token, out long id)
    {
        var span = token.AsSpan();
        if (span.StartsWith("#"))
            span = span[1..];
        if (!span.IsEmpty && AllDigits(span)
            && long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0)
            return true;
        id = 0;
        return false;
    }

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }
}

internal enum IdKind
{
    None,
    Valid,
    Malformed,
}
