using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Links;

/// <summary>A link handed out: the address to open, and until when it works.</summary>
public sealed record SignedLink(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Makes and checks signed links for any path of the host (<c>/incidents/INC-7/postmortem.md</c>,
/// <c>/oncall/support.ics</c>): <c>?exp=&lt;unix seconds&gt;&amp;sig=&lt;hex HMAC-SHA256 of path and exp&gt;</c>, on
/// <c>Bot:PublicBaseUrl</c>. An endpoint serves only checked links through <see cref="SignedLinkFilter"/>.
/// </summary>
public sealed class SignedLinks
{
    private readonly LinkKeyring _keys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    internal SignedLinks(LinkKeyring keys, IOptions<LinkOptions> options, TimeProvider time)
    {
        _keys = keys;
        _time = time;
        _lifetime = options.Value.Lifetime;
        (Base, BaseConfigured) = PublicBaseUrl.From(options.Value);
    }

    /// <summary>The base links are built on, with a trailing slash.</summary>
    public Uri Base { get; }

    /// <summary>False when <c>Bot:PublicBaseUrl</c> is not set and links point at the listen address.</summary>
    public bool BaseConfigured { get; }

    /// <summary>A link to <paramref name="path"/> (absolute, such as <c>/oncall/support.ics</c>) that works for the configured lifetime.</summary>
    public async Task<SignedLink> CreateAsync(string path, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path[0] != '/')
            throw new ArgumentException("A signed link's path starts with '/'.", nameof(path));
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((_time.GetUtcNow() + _lifetime).ToUnixTimeSeconds());
        var expires = expiresAt.ToUnixTimeSeconds();
        var sig = LinkSignature.Sign(await _keys.KeyAsync(ct), path, expires);
        return new SignedLink(new Uri(Base, $"{path[1..]}?exp={expires}&sig={sig}"), expiresAt);
    }

    /// <summary>What the <c>exp</c> and <c>sig</c> of a request for <paramref name="path"/> say about it.</summary>
    public async Task<LinkCheck> CheckAsync(string path, string? exp, string? sig, CancellationToken ct = default) =>
        LinkSignature.Check(await _keys.KeyAsync(ct), path, exp, sig, _time.GetUtcNow());
}
