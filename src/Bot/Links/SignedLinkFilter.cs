using System.Globalization;

namespace Jivrus.IncidentBot.Bot.Links;

/// <summary>
/// Serves an endpoint only at a link <see cref="SignedLinks"/> made for the request's path. Anything else gets 403 and
/// one sentence saying what is wrong with the link and how to get a new one; never the data.
/// </summary>
internal sealed class SignedLinkFilter(SignedLinks links, Func<HttpContext, string>? renew) : IEndpointFilter
{
    public const string DefaultRenew = "ask IncidentBot for a new one";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Whoever holds the link may read it: no cache or referring page should keep it.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var query = http.Request.Query;
        string? exp = query["exp"], sig = query["sig"];
        var check = await links.CheckAsync(http.Request.Path.Value ?? "", exp, sig, http.RequestAborted);
        if (check == LinkCheck.Valid)
            return await next(context);
        var problem = check switch
        {
            LinkCheck.Unsigned => "This link is incomplete: its expiry or its signature is missing",
            LinkCheck.Expired => $"This link expired at {Expiry(exp!)} UTC",
            _ => "This link is not valid: it was changed, cut short or made with another key",
        };
        return TypedResults.Text($"{problem}; {renew?.Invoke(http) ?? DefaultRenew}.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
    }

    private static string Expiry(string exp) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(exp, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Puts an endpoint behind signed links.</summary>
public static class SignedLinkEndpoints
{
    /// <summary>
    /// Serves the endpoint only at a link signed for its path; <paramref name="renew"/> says how to get a new link
    /// ("get a new one with /incident postmortem INC-7"), else "ask IncidentBot for a new one".
    /// </summary>
    public static TBuilder RequireSignedLink<TBuilder>(this TBuilder builder, Func<HttpContext, string>? renew = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var filter = new SignedLinkFilter(factory.ApplicationServices.GetRequiredService<SignedLinks>(), renew);
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
