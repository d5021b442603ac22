using Jivrus.IncidentBot.Bot.Delivery;
using Microsoft.Extensions.FileProviders;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>Wires the local chat page: its feed and adapter, its static page and its endpoints.</summary>
public static class LocalSetup
{
    // The page ships inside the assembly, so it is found whatever the content root or publish layout.
    private const string PageResourcePrefix = "Jivrus.IncidentBot.Bot.Channels.Local.Page";

    public static IServiceCollection AddLocalChannel(this IServiceCollection services)
    {
        services.AddSingleton<LocalFeed>();
        services.AddSingleton<LoopbackOnlyFilter>();
        services.AddSingleton<LocalChannelAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<LocalChannelAdapter>());
        return services;
    }

    /// <summary>Serves the page at <c>GET /</c> and maps <c>/local/*</c>.</summary>
    public static WebApplication MapLocalChannel(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var page = new EmbeddedFileProvider(typeof(LocalSetup).Assembly, PageResourcePrefix);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = page,
            OnPrepareResponse = file =>
            {
                // Scripts and styles come only from the host itself: no inline script, no CDN.
                file.Context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
                file.Context.Response.Headers.XContentTypeOptions = "nosniff";
                file.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
        app.MapLocalEndpoints();
        return app;
    }
}
