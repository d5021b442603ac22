namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// <c>POST /bench/bare</c>, mapped only when <c>Bench:Enabled</c> is true: reads the body like a slash command
/// and answers 200 with nothing else done, so the command benchmark can measure the host's own overhead
/// against the same Kestrel pipeline. Off by default; never part of a production host.
/// </summary>
internal static class BenchEndpoints
{
    private const int BareCap = 64 * 1024;

    public static IEndpointRouteBuilder MapBenchEndpoints(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue("Bench:Enabled", false))
            return app;
        app.MapPost("/bench/bare", async (HttpRequest http, CancellationToken ct) =>
        {
            // Read with the same code and cap a slash command's body is read with.
            if (await RequestBody.ReadAsync(http, BareCap, ct) is null)
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

            // Answered with a small JSON body and its length, as a slash command is, so the comparison measures
            // the work in between.
            return new JsonText("{\"response_type\":\"ephemeral\",\"text\":\"ok\"}");
        }).DisableAntiforgery();
        return app;
    }
}
