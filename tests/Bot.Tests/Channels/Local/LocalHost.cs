using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Delivery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>
/// The host on the InMemory store, one fresh database per instance. Without <paramref name="background"/> the
/// outbox and timer loops are off and a test flushes the outbox itself; with it, posts flow as in a real run.
/// </summary>
/// <param name="background">Run the outbox and timer loops.</param>
/// <param name="clock">Replaces the host's clock, so a test can move time and fire timers.</param>
public sealed class LocalHost(bool background = false, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    private readonly string _database = $"local-{Guid.NewGuid():N}";

    public LocalFeed Feed => Services.GetRequiredService<LocalFeed>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "InMemory");
        builder.UseSetting("Storage:InMemoryName", _database);
        builder.UseSetting("Delivery:Background", background ? "true" : "false");
        builder.UseSetting("Scheduling:Background", background ? "true" : "false");
        builder.UseEnvironment("Development");
        if (clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>One dispatcher round: every waiting outbox message reaches every enabled channel, the local one included.</summary>
    public Task FlushOutboxAsync() => Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
}
