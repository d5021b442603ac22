using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>
/// The local chat page lets whoever uses it act as any person of the plan, managers included, so by default it answers
/// only requests from this machine that did not come through a proxy. A reverse proxy or tunnel on the same machine
/// connects from 127.0.0.1, so a forwarding header (<c>Forwarded</c>, <c>X-Forwarded-For</c>, <c>X-Real-IP</c>) is
/// refused whatever address it names. <c>LocalChat:AllowRemote=true</c> opens the page to the network (a demo on a
/// trusted LAN); never do that on a host that Slack or Teams can reach. Guards the API as an endpoint filter and the
/// page's own files as middleware.
/// </summary>
internal sealed class LoopbackOnlyFilter(IOptions<LocalChatOptions> options) : IEndpointFilter
{
    public const string Proxied =
        "The local chat page does not answer requests that came through a proxy (Forwarded, X-Forwarded-For or X-Real-IP); open it on this machine, or set LocalChat:AllowRemote=true.";

    public const string Remote =
        "The local chat page answers only requests from this machine (set LocalChat:AllowRemote=true to change that).";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Refusal(context.HttpContext) is { } refusal ? ValueTask.FromResult<object?>(Refused(refusal)) : next(context);

    /// <summary>For the page's files, which are served by middleware rather than endpoints.</summary>
    public Task GuardAsync(HttpContext http, RequestDelegate next) =>
        Refusal(http) is { } refusal ? Refused(refusal).ExecuteAsync(http) : next(http);

    public bool IsAllowed(HttpContext http) => Refusal(http) is null;

    /// <summary>The sentence a refused request gets, or null when the request may use the page.</summary>
    public string? Refusal(HttpContext http)
    {
        if (options.Value.AllowRemote)
            return null;
        if (ConnectionArrival.Proxied(http))
            return Proxied;
        return ConnectionArrival.FromThisMachine(http) ? null : Remote;
    }

    private static IResult Refused(string sentence) =>
        TypedResults.Text(sentence, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
}
