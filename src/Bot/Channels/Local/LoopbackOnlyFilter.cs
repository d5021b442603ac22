using System.Net;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>
/// The local chat page lets whoever uses it act as any person of the plan, managers included, so by default
/// it answers only requests from this machine. <c>LocalChat:AllowRemote=true</c> opens it to the network
/// (a demo on a trusted LAN); never do that on a host that Slack or Teams can reach.
/// </summary>
internal sealed class LoopbackOnlyFilter(IConfiguration configuration) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (IsAllowed(context.HttpContext))
            return next(context);
        return ValueTask.FromResult<object?>(TypedResults.Problem(
            "The local chat page answers only requests from this machine (set LocalChat:AllowRemote=true to change that).",
            statusCode: StatusCodes.Status403Forbidden));
    }

    public bool IsAllowed(HttpContext http)
    {
        if (configuration.GetValue<bool>("LocalChat:AllowRemote"))
            return true;
        var remote = http.Connection.RemoteIpAddress;
        // The in-process test server has no socket and no remote address.
        return remote is null || IPAddress.IsLoopback(remote);
    }
}
