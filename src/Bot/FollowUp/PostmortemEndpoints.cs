using Jivrus.IncidentBot.Bot.Links;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jivrus.IncidentBot.Bot.FollowUp;

/// <summary><c>GET /incidents/INC-n/postmortem.md</c>: the post-mortem document, at a signed link only.</summary>
public static class PostmortemEndpoints
{
    /// <summary>The path a post-mortem link is signed for.</summary>
    public static string PathOf(int number) => $"/incidents/{IncidentId.Format(number)}/postmortem.md";

    public static IEndpointRouteBuilder MapPostmortemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/incidents/{id}/postmortem.md", GetAsync).RequireSignedLink(Renew);
        return app;
    }

    private static async Task<ContentHttpResult> GetAsync(string id, Desk desk, CancellationToken ct)
    {
        // The link was signed for this exact path, so the id is one the bot wrote; the incident may be gone since
        // (a database restored from an older backup).
        if (!IncidentId.TryParse(id, out var number) || await desk.PostmortemAsync(null, number, ct) is not { } postmortem)
            return TypedResults.Text("There is no such incident.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        return TypedResults.Text(postmortem.Markdown, "text/markdown; charset=utf-8");
    }

    private static string Renew(HttpContext http) =>
        IncidentId.TryParse(http.GetRouteValue("id") as string, out var number)
            ? $"get a new one with /incident postmortem {IncidentId.Format(number)}"
            : SignedLinkFilter.DefaultRenew;
}
