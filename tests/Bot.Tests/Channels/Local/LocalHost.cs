using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>
/// The host (<see cref="BotHost"/>) in the Development environment, where the local chat page is on. Without
/// <paramref name="background"/> the outbox and timer loops are off and a test flushes the outbox itself; with it,
/// posts flow as in a real run.
/// </summary>
/// <param name="background">Run the outbox and timer loops.</param>
/// <param name="clock">Replaces the host's clock, so a test can move time and fire timers.</param>
public sealed class LocalHost(bool background = false, TimeProvider? clock = null) : BotHost("local", clock, background)
{
    public LocalFeed Feed => Services.GetRequiredService<LocalFeed>();

    /// <summary>One dispatcher round: every waiting outbox message reaches every enabled channel, the local one included.</summary>
    public Task FlushOutboxAsync() => DeliverOnceAsync();

    protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");
}
