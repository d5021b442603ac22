using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// Behind a reverse proxy the real endpoints see the caller's address and scheme from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, believed only from the proxies <see cref="ProxySettings"/> names. The local chat page
/// never takes that word for it: see <see cref="ConnectionArrival"/>.
/// </summary>
internal static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ProxySettings>()
            .Configure<IConfiguration>((settings, configuration) => settings.Read(configuration.GetSection(ProxySettings.Section)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxySettings>, ProxySettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxySettings>>((forwarded, settings) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (!settings.Value.Configured)
                return;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.Value.KnownNetworks)
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>First in the pipeline: notes how the request arrived, then lets the forwarded headers apply.</summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(ConnectionArrival.NoteAsync);
        app.UseForwardedHeaders();
        return app;
    }
}
