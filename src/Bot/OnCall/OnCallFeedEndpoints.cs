using Jivrus.IncidentBot.Bot.Links;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.OnCall;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jivrus.IncidentBot.Bot.OnCall;

/// <summary><c>GET /oncall/{rotation}.ics</c>: a rotation's next 90 days of shifts as iCalendar, at a signed link only.</summary>
public static class OnCallFeedEndpoints
{
    /// <summary>The path a rotation's feed link is signed for.</summary>
    public static string PathOf(string rotationId) => $"/oncall/{Uri.EscapeDataString(rotationId)}.ics";

    public static IEndpointRouteBuilder MapOnCallFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oncall/{rotation}.ics", GetAsync).RequireSignedLink(Renew);
        return app;
    }

    private static async Task<ContentHttpResult> GetAsync(string rotation, Desk desk, CancellationToken ct)
    {
        // The link was signed for this path, but the plan may have lost the rotation since (a new plan, a restart).
        if (desk.Plan.FindRotation(rotation) is not { } found)
            return TypedResults.Text("The response plan has no such rotation.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        var roster = await desk.OnCallScheduleAsync(ct);
        return TypedResults.Text(OnCallCalendar.Document(desk.Plan, roster, found.Id, desk.Now), "text/calendar; charset=utf-8");
    }

    private static string Renew(HttpContext http) =>
        http.GetRouteValue("rotation") is string rotation
            ? $"get a new one with /oncall {rotation}"
            : SignedLinkFilter.DefaultRenew;
}
