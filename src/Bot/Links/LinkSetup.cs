using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Links;

/// <summary>Registers signed links, and reads (or generates) their key at start.</summary>
internal static class LinkSetup
{
    public static IServiceCollection AddSignedLinks(this IServiceCollection services)
    {
        services.AddOptions<LinkOptions>()
            .BindConfiguration(LinkOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.PublicBaseUrl = configuration["Bot:PublicBaseUrl"];
                options.ListenUrls = configuration["urls"];
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LinkOptions>, LinkOptionsValidator>();
        services.AddSingleton(sp => new LinkKeyStore(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<IncidentDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LinkKeyring>();
        services.AddSingleton(sp => new SignedLinks(sp.GetRequiredService<LinkKeyring>(), sp.GetRequiredService<IOptions<LinkOptions>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Reads the signing key once the database is ready, so a database that cannot keep it stops start-up rather than
    /// the first link, and says in one line where links point and where the key comes from (never the key).
    /// </summary>
    public static async Task InitializeSignedLinksAsync(this WebApplication app, ILogger log)
    {
        var keys = app.Services.GetRequiredService<LinkKeyring>();
        await keys.KeyAsync(app.Lifetime.ApplicationStopping);
        var links = app.Services.GetRequiredService<SignedLinks>();
        var source = keys.Configured ? "key from Links:SigningKey" : "generated key kept in the database";
        if (links.BaseConfigured)
            log.LogInformation("Signed links: {Base} ({Source})", links.Base, source);
        else
            log.LogInformation("Signed links: {Base} ({Source}); Bot:PublicBaseUrl is not set, so only this machine can open them", links.Base, source);
    }
}
