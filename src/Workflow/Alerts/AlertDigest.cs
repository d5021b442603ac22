using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jivrus.IncidentBot.Workflow.Alerts;

/// <summary>
/// A fingerprint of what a delivery says about one group: its status and its alerts (fingerprint, status, times,
/// summary, labels), in a fixed order. The same notification sent again (a sender's retry) has the same digest; one
/// that says something new (another alert, a resolution) has another.
/// </summary>
internal static class AlertDigest
{
    public static string Of(AlertGroupSignal signal)
    {
        var text = new StringBuilder();
        text.Append(signal.Status).Append('\n').Append(signal.Title).Append('\n').Append(signal.SeverityValue).Append('\n');
        foreach (var alert in signal.Alerts.OrderBy(a => a.Fingerprint, StringComparer.Ordinal).ThenBy(a => a.Summary, StringComparer.Ordinal))
        {
            text.Append(alert.Fingerprint).Append('|').Append(alert.Status).Append('|')
                .Append(alert.StartsAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(alert.EndsAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(alert.Summary).Append('|');
            foreach (var (name, value) in alert.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
                text.Append(name).Append('=').Append(value).Append(',');
            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
