using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Workflow.Desk;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jivrus.IncidentBot.Bot.Tests.Support;

/// <summary>
/// The real host as every test host starts it: a throw-away in-memory database of its own, the outbox and timer loops
/// off (a test delivers and ticks itself) unless <c>background</c> asks for them, and, when given, a clock that replaces
/// the system's. The channel hosts derive from it and add their settings and their fakes in <see cref="ReplaceServices"/>.
/// </summary>
public class BotHost : WebApplicationFactory<Program>
{
    private readonly TimeProvider? _clock;
    private readonly (string Key, string Value)[] _settings;

    /// <param name="name">Starts the in-memory database's name, so two hosts of one test never share it.</param>
    /// <param name="clock">Replaces the host's clock (a fake one lets the test move time); null keeps the system's.</param>
    /// <param name="background">Run the outbox and timer loops as a real run does.</param>
    /// <param name="settings">Configuration applied after the defaults above, so it may override them.</param>
    public BotHost(string name, TimeProvider? clock = null, bool background = false, params (string Key, string Value)[] settings)
    {
        _clock = clock;
        _settings =
        [
            ("Storage:Provider", "InMemory"),
            ("Storage:InMemoryName", $"{name}-{Guid.NewGuid():N}"),
            ("Delivery:Background", background ? "true" : "false"),
            ("Scheduling:Background", background ? "true" : "false"),
            .. settings,
        ];
    }

    public Desk Desk => Services.GetRequiredService<Desk>();

    /// <summary>One outbox round, as the background loop runs it; returns how many messages left the queue.</summary>
    public Task<int> DeliverOnceAsync() => Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        ConfigureHost(builder);
        builder.ConfigureTestServices(services =>
        {
            if (_clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(_clock);
            }

            ReplaceServices(services);
        });
    }

    /// <summary>Anything else a host sets on the builder (its environment).</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder)
    {
    }

    /// <summary>Runs after the app's own registrations: fake chat APIs, recording adapters, failing stores.</summary>
    protected virtual void ReplaceServices(IServiceCollection services)
    {
    }

    /// <summary>Sends the named HTTP clients' requests to <paramref name="handler"/> instead of the network.</summary>
    protected static void Route(IServiceCollection services, Func<HttpMessageHandler> handler, params string[] clientNames)
    {
        foreach (var name in clientNames)
            services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(handler);
    }
}
