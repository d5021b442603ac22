using System.Text;
using System.Web;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// The fields of an <c>application/x-www-form-urlencoded</c> body, read where they lie in the signed bytes: a field is
/// found by name and only the fields asked for are decoded (<c>+</c> and <c>%XX</c>, then UTF-8). A slash command
/// carries a dozen fields and the bot reads five or six, so nothing is built for the rest.
/// </summary>
internal readonly struct SlackForm(byte[] body)
{
    /// <summary>The first field of that name, decoded; one that is absent reads as an empty string.</summary>
    public string this[string name]
    {
        get
        {
            ReadOnlySpan<byte> rest = body;
            var offset = 0;
            while (offset <= body.Length && rest.Length > 0)
            {
                var end = rest.IndexOf((byte)'&');
                var pair = end < 0 ? rest : rest[..end];
                var equals = pair.IndexOf((byte)'=');
                var key = equals < 0 ? pair : pair[..equals];
                if (Named(key, name))
                    return equals < 0 ? "" : Decode(offset + equals + 1, pair.Length - equals - 1);
                if (end < 0)
                    break;
                offset += end + 1;
                rest = rest[(end + 1)..];
            }

            return "";
        }
    }

    private string Decode(int offset, int count)
    {
        if (count == 0)
            return "";
        var value = body.AsSpan(offset, count);
        return value.IndexOfAny((byte)'%', (byte)'+') < 0
            ? Encoding.UTF8.GetString(value)
            : HttpUtility.UrlDecode(body, offset, count, Encoding.UTF8);
    }

    // Slack's field names are plain ASCII; a name sent encoded anyway is decoded before it is compared.
    private static bool Named(ReadOnlySpan<byte> key, string name)
    {
        if (key.IndexOfAny((byte)'%', (byte)'+') >= 0)
            return HttpUtility.UrlDecode(key.ToArray(), Encoding.UTF8) == name;
        if (key.Length != name.Length)
            return false;
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != name[i])
                return false;
        }

        return true;
    }
}
