using Jivrus.IncidentBot.Bot.Delivery;
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
        services.AddHttpClient(BotConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));

        services.AddSingleton<TeamsTokenValidator>();
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddSingleton<TeamsPacer>();
        services.AddSingleton<BotConnectorClient>();
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
