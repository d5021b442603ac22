using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Http;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>Registers the Microsoft Teams channel: options, token checks, connector client, inbound handling and the outbound adapter.</summary>
internal static class TeamsSetup
{
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddHttpClient(TeamsTokenValidator.HttpClientName);
        services.AddHttpClient(ConnectorTokenProvider.HttpClientName);
        // Retries in one place (see InteractiveRetry): replies a person waits on are retried by the interactive client's
        // pipeline inside Teams:CallBudget; outbox deliveries go out once per round, since the outbox retries them later
        // after the connector's Retry-After or its own back-off. Token requests are not retried: the token is cached for an hour.
        services.AddHttpClient(BotConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(BotConnectorClient.InteractiveHttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .AddInteractiveRetry(sp => sp.GetRequiredService<IOptions<TeamsOptions>>().Value.InteractiveRetry);

        services.AddSingleton<TeamsTokenValidator>();
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddSingleton<TeamsPacer>();
        services.AddOutboundClient<BotConnectorClient>(BotConnectorClient.HttpClientName, BotConnectorClient.InteractiveHttpClientName);
        services.AddSingleton<TeamsReferences>();
        services.AddSingleton<TeamsReplier>();
        services.AddSingleton<TeamsForms>();
        services.AddSingleton<TeamsInvokes>();
        services.AddSingleton<TeamsActivityHandler>();
        services.AddSingleton<TeamsTargets>();
        services.AddSingleton<TeamsUnreachable>();
        services.AddSingleton<TeamsChannelAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<TeamsChannelAdapter>());
        return services;
    }
}
