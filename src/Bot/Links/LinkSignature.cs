using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jivrus.IncidentBot.Bot.Links;

/// <summary>What a link's <c>exp</c> and <c>sig</c> say about it.</summary>
public enum LinkCheck
{
    Valid,

    /// <summary><c>exp</c> or <c>sig</c> is missing.</summary>
    Unsigned,

    /// <summary>The signature does not match the path and expiry: changed, cut, or made with another key.</summary>
    Invalid,

    /// <summary>Signed by us, but its time is up.</summary>
    Expired,
}

/// <summary>
/// The HMAC-SHA256 of a link: over the path and the expiry (unix seconds), hex in the <c>sig</c> parameter. Pure.
/// </summary>
internal static class LinkSignature
{
    /// <summary>Lower-case hex of HMAC-SHA256(key, path + "\n" + exp).</summary>
    public static string Sign(byte[] key, string path, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Message(path, expires)));

    /// <summary>Checks the signature first, in constant time, and the expiry only of a link we signed.</summary>
    public static LinkCheck Check(byte[] key, string path, string? exp, string? sig, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig))
            return LinkCheck.Unsigned;
        // Only the form we write (no sign, no leading zeros) is accepted, so one link has one spelling.
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires.ToString(CultureInfo.InvariantCulture) != exp
            || sig.Length != 64 || !TryHex(sig, out var given))
            return LinkCheck.Invalid;
        var expected = HMACSHA256.HashData(key, Message(path, expires));
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
            return LinkCheck.Invalid;
        return now.ToUnixTimeSeconds() < expires ? LinkCheck.Valid : LinkCheck.Expired;
    }

    // The newline keeps path and expiry apart: no path can end in digits that borrow from the expiry.
    private static byte[] Message(string path, long expires) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{path}\n{expires}"));

    private static bool TryHex(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length / 2];
        return Convert.FromHexString(text, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == bytes.Length;
    }
}
