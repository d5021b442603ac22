using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

/// <summary>Registers Socket Mode. The service starts always and does nothing unless <c>Slack:AppToken</c> is set.</summary>
internal static class SocketModeSetup
{
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services)
    {
        services.AddHttpClient(SocketUrlClient.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<SlackOptions>>().Value.RequestTimeout);
        services.AddSingleton<SocketUrlClient>();
        services.AddSingleton(new EnvelopeMemory());
        services.AddSingleton<SocketEnvelopes>();
        services.AddHostedService<SocketModeService>();
        return services;
    }
}
