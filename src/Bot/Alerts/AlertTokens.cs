using System.Security.Cryptography;
using System.Text;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>
/// Each alert source's bearer token, <c>Alerts:Sources:{source}:Token</c>, read from configuration when asked (so a
/// reloaded setting applies) and compared in constant time. A token is never part of a sentence or a log line.
/// </summary>
internal sealed class AlertTokens(IConfiguration configuration)
{
    public static string Key(AlertSourcePlan source) => $"Alerts:Sources:{source.Id}:Token";

    /// <summary>The configured token, or null when none (or only blanks) is set.</summary>
    public string? For(AlertSourcePlan source) =>
        configuration[Key(source)] is { } token && !string.IsNullOrWhiteSpace(token) ? token.Trim() : null;

    /// <summary>The start-up line for each plan source that has no token, naming the setting, never a value.</summary>
    public IEnumerable<string> Missing(ResponsePlan plan) =>
        plan.Alerts.Where(source => For(source) is null).Select(source =>
            $"Alert source '{source.Id}' has no token, so POST /alerts/{source.Id} refuses every request; set {Key(source)}.");

    // Hashing first gives both sides one length, so the comparison time says nothing about the token.
    public static bool Matches(string? given, string expected) =>
        !string.IsNullOrEmpty(given) && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
