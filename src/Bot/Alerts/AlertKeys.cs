using System.Security.Cryptography;
using System.Text;
using Jivrus.IncidentBot.Workflow.Alerts;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>Group keys as intake stores them: what the sender gave, within <see cref="AlertGroupSignal.MaxKeyLength"/>.</summary>
internal static class AlertKeys
{
    /// <summary>
    /// The key itself, or, when it is longer than <see cref="AlertGroupSignal.MaxKeyLength"/> (Alertmanager's groupKey
    /// holds the route and the group labels and can run long), the lower-case hex SHA-256 of its UTF-8 bytes: 64
    /// characters, the same for every delivery of the group, and still unique where a cut-off prefix would not be.
    /// </summary>
    public static string Fit(string key) => key.Length <= AlertGroupSignal.MaxKeyLength ? key : Hash(key);

    /// <summary>The lower-case hex SHA-256 of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// A key for an alert whose sender gave none, made from its labels sorted by name, so the same label set gives
    /// the same key in every delivery whatever order the sender wrote the labels in.
    /// </summary>
    public static string FromLabels(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal).ThenBy(l => l.Value, StringComparer.Ordinal))
            text.Append(name).Append('=').Append(value).Append('\n');
        return "labels:" + Hash(text.ToString());
    }
}
