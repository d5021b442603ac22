using System.Net;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// How a request reached the host, as it was before the forwarded-headers middleware rewrote it. That middleware
/// removes <c>X-Forwarded-For</c> once it has used it and sets the remote address to whatever a known proxy claims,
/// <c>127.0.0.1</c> included, so what the local chat page trusts is noted here first.
/// </summary>
internal sealed class ConnectionArrival
{
    /// <summary>The headers a proxy or tunnel adds; any one of them means the request did not start on this machine.</summary>
    public static readonly string[] ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Real-IP"];

    /// <summary>Set on a request that arrived with a forwarding header; one shared instance, since it holds nothing else.</summary>
    public static readonly ConnectionArrival ThroughProxy = new();

    private ConnectionArrival()
    {
    }

    /// <summary>True when the request carries, or carried on arrival, a forwarding header.</summary>
    public static bool Proxied(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<ConnectionArrival>() is not null || CarriesForwardingHeader(http.Request);
    }

    /// <summary>Runs before the forwarded-headers middleware.</summary>
    public static Task NoteAsync(HttpContext http, RequestDelegate next)
    {
        if (CarriesForwardingHeader(http.Request))
            http.Features.Set(ThroughProxy);
        return next(http);
    }

    /// <summary>The address of the machine at the other end of the connection when it is this one (or none, in-process).</summary>
    public static bool FromThisMachine(HttpContext http) =>
        http.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);

    private static bool CarriesForwardingHeader(HttpRequest request)
    {
        foreach (var header in ForwardingHeaders)
        {
            if (request.Headers.ContainsKey(header))
                return true;
        }

        return false;
    }
}
