using System.Buffers;
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
    private const string Prefix = Version + "=";
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

        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!signature.StartsWith(Prefix, StringComparison.Ordinal)
            || signature.Length != Prefix.Length + (2 * given.Length)
            || Convert.FromHexString(signature.AsSpan(Prefix.Length), given, out _, out _) != OperationStatus.Done)
            return SignatureCheck.Mismatch;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The signature Slack would send for this timestamp and body.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(timestamp, body, mac);
        return $"{Prefix}{Convert.ToHexStringLower(mac)}";
    }

    /// <summary>HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>, built in a pooled buffer.</summary>
    private void Mac(string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var head = Encoding.UTF8.GetByteCount(timestamp) + Version.Length + 2;
        var message = ArrayPool<byte>.Shared.Rent(head + body.Length);
        try
        {
            var written = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:", message);
            body.CopyTo(message.AsSpan(written));
            HMACSHA256.HashData(_key, message.AsSpan(0, written + body.Length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }
}

internal enum SignatureCheck
{
    Valid,
    Missing,
    Stale,
    Mismatch,
}
