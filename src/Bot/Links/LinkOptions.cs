namespace Jivrus.IncidentBot.Bot.Links;

/// <summary>
/// Signed links (section <c>Links</c>, plus <c>Bot:PublicBaseUrl</c>): documents and feeds people open from a link the
/// bot gave them, with no login, protected by an expiry and an HMAC of the path.
/// </summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    /// <summary>The shortest configured signing key accepted, in characters.</summary>
    public const int MinKeyLength = 32;

    /// <summary>
    /// The HMAC-SHA256 key (its UTF-8 bytes), at least <see cref="MinKeyLength"/> characters. Default: none, and a key
    /// generated once and kept in the database is used. Never logged, never shown.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link works after the bot hands it out. Default 7 days.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// <c>Bot:PublicBaseUrl</c>: the address people's browsers reach the bot at, such as
    /// <c>https://incidentbot.example.com/</c>. Default: the first listen address, which works only on this machine.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The listen addresses (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), for the default base.</summary>
    internal string? ListenUrls { get; set; }
}
