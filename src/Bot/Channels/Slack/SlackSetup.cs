using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Delivery;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>Registers the Slack channel. It is always registered; without its secrets it reports itself off.</summary>
internal static class SlackSetup
{
    public static WebApplicationBuilder AddSlackChannel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddHttpClient(SlackApiClient.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<SlackOptions>>().Value.RequestTimeout);

        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackPacer>();
        services.AddSingleton<SlackTargets>();
        services.AddSingleton<SlackForms>();
        services.AddSingleton<SlackCommands>();
        services.AddSingleton<SlackInteractions>();
        services.AddSingleton<SlackEvents>();
        services.AddSingleton<IUserDirectory, SlackUserDirectory>();
        services.AddSingleton<SlackChannelAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<SlackChannelAdapter>());
        return builder;
    }
}
