namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// <c>POST /bench/bare</c>, mapped only when <c>Bench:Enabled</c> is true: reads the body like a slash command
/// and answers 200 with nothing else done, so the command benchmark can measure the host's own overhead
/// against the same Kestrel pipeline. Off by default; never part of a production host.
/// </summary>
internal static class BenchEndpoints
{
    public static IEndpointRouteBuilder MapBenchEndpoints(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue("Bench:Enabled", false))
            return app;
        app.MapPost("/bench/bare", async (HttpRequest http, CancellationToken ct) =>
        {
            var chunk = new byte[8192];
            while (await http.Body.ReadAsync(chunk, ct) > 0)
            {
            }

            // Written the way a slash command's reply is, so the comparison measures the work in between.
            return new JsonText("{\"response_type\":\"ephemeral\",\"text\":\"ok\"}");
        }).DisableAntiforgery();
        return app;
    }
}
