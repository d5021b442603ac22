namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// Severity tokens <c>sev1</c>..<c>sev9</c> (also <c>SEV-2</c>). The grammar accepts any digit; the
/// plan decides which severities exist, and says so far better than a usage line could.
/// </summary>
internal static class Severities
{
    /// <param name="bareDigit">Whether a lone <c>2</c> counts, which is only safe where nothing else could stand.</param>
    public static bool TryParse(string token, bool bareDigit, out string severity)
    {
        severity = "";
        var span = token.AsSpan();
        if (span.StartsWith("sev", StringComparison.OrdinalIgnoreCase))
        {
            span = span[3..];
            if (span.StartsWith("-"))
                span = span[1..];
        }
        else if (!bareDigit)
        {
            return false;
        }

        if (span.Length != 1 || span[0] is < '1' or > '9')
            return false;
        severity = "sev" + span[0];
        return true;
    }
}
