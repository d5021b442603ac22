using Jivrus.IncidentBot.Bot.Hosting;

namespace Jivrus.IncidentBot.Bot.Links;

/// <summary>The base every link is built on: <c>Bot:PublicBaseUrl</c>, else the first listen address.</summary>
internal static class PublicBaseUrl
{
    /// <summary>The base with a trailing slash, and whether it was configured.</summary>
    public static (Uri Base, bool Configured) From(LinkOptions options)
    {
        if (Absolute(options.PublicBaseUrl) is { } configured)
            return (configured, true);
        var first = (options.ListenUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? ListenAddress.Default;
        // "http://+:8080" or "http://0.0.0.0:8080" listen everywhere; a browser on this machine reaches them as localhost.
        var reachable = first.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return (Absolute(reachable) ?? Absolute(ListenAddress.Default)!, false);
    }

    /// <summary>An absolute http(s) address with a trailing slash, or null.</summary>
    public static Uri? Absolute(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return null;
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
