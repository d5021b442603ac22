using Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Http;
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
        // Retries in one place (see InteractiveRetry): calls a person waits on are retried by the interactive client's
        // pipeline inside Slack:CallBudget; outbox deliveries go out once per round, since the outbox retries them later
        // after Slack's Retry-After or its own back-off.
        services.AddHttpClient(SlackApiClient.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<SlackOptions>>().Value.RequestTimeout);
        services.AddHttpClient(SlackApiClient.InteractiveHttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<SlackOptions>>().Value.RequestTimeout)
            .AddInteractiveRetry(sp => sp.GetRequiredService<IOptions<SlackOptions>>().Value.InteractiveRetry);
        services.AddOutboundClient<SlackApiClient>(SlackApiClient.HttpClientName, SlackApiClient.InteractiveHttpClientName);
        services.AddSingleton<SlackPacer>();
        services.AddSingleton<SlackTargets>();
        services.AddSingleton<SlackForms>();
        services.AddSingleton<SlackCommands>();
        services.AddSingleton<SlackInteractions>();
        services.AddSingleton<SlackEvents>();
        services.AddSingleton<IUserDirectory, SlackUserDirectory>();
        services.AddSingleton<SlackUserGroups>();
        services.AddSingleton<SlackChannelAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<SlackChannelAdapter>());
        services.AddSlackSocketMode();
        return builder;
    }
}
