using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>Wires the local chat page: its settings, feed and adapter, its static page and its endpoints.</summary>
public static class LocalSetup
{
    // The page ships inside the assembly, so it is found whatever the content root or publish layout.
    private const string PageResourcePrefix = "Jivrus.IncidentBot.Bot.Channels.Local.Page";

    public static IServiceCollection AddLocalChannel(this IServiceCollection services)
    {
        services.AddOptions<LocalChatOptions>().BindConfiguration(LocalChatOptions.Section).ValidateOnStart();
        services.AddSingleton<LocalFeed>();
        services.AddSingleton<LoopbackOnlyFilter>();
        services.AddSingleton<LocalChannelAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<LocalChannelAdapter>());
        return services;
    }

    /// <summary>
    /// Serves the page at <c>GET /</c> and maps <c>/local/*</c>, both behind <see cref="LoopbackOnlyFilter"/>; maps
    /// nothing when the page is off, so every one of its addresses answers 404.
    /// </summary>
    public static WebApplication MapLocalChannel(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<IOptions<LocalChatOptions>>().Value;
        if (!settings.IsOn(ChannelStatus.From(app.Configuration)))
            return app;

        var page = new EmbeddedFileProvider(typeof(LocalSetup).Assembly, PageResourcePrefix);
        var guard = app.Services.GetRequiredService<LoopbackOnlyFilter>();
        // The page's own paths, listed once: looking each request up in the assembly's resources would cost every
        // Slack and Teams request a lookup too.
        var files = page.GetDirectoryContents("").Select(f => "/" + f.Name).Append("/").ToHashSet(StringComparer.OrdinalIgnoreCase);
        app.UseWhen(http => http.Request.Path.Value is { } path && files.Contains(path), branch => branch.Use(guard.GuardAsync));
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
