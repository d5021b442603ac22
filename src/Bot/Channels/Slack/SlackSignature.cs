using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Checks Slack's request signature (<c>v0=</c> HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c>) and the
/// replay window. Works on the raw bytes: a body re-serialised after parsing would not match.
/// </summary>
internal sealed class SlackSignature(string signingSecret, TimeProvider time, TimeSpan window)
{
    private const string Version = "v0";
    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return SignatureCheck.Missing;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return SignatureCheck.Missing;
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > window)
            return SignatureCheck.Stale;

        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The signature Slack would send for this timestamp and body.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return $"{Version}={Convert.ToHexStringLower(HMACSHA256.HashData(_key, message))}";
    }
}

internal enum SignatureCheck
{
    Valid,
    Missing,
    Stale,
    Mismatch,
}
