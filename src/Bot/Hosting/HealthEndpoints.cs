using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (database reachable, plan loaded).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok"));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadyAsync(StorageInitializer storage, ILoggerFactory logs, CancellationToken ct)
    {
        try
        {
            if (await storage.IsReachableAsync(ct))
                return TypedResults.Text("ready");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logs.CreateLogger("Readiness").LogWarning("Database not reachable: {Error}", ex.GetType().Name);
        }

        return TypedResults.Problem("The incident database is not reachable.", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
