using Jivrus.IncidentBot.Bot.Http;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>Registers Freshdesk. Always registered; without its settings it reports itself off.</summary>
internal static class FreshdeskSetup
{
    public static IServiceCollection AddFreshdesk(this IServiceCollection services)
    {
        services.AddOptions<FreshdeskOptions>().BindConfiguration(FreshdeskOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FreshdeskOptions>, FreshdeskOptionsValidator>();
        // Retries in one place (see InteractiveRetry): a ticket refetched for a command or a webhook is retried by the
        // interactive client's pipeline inside Freshdesk:CallBudget; notes and replies go out once per round, since the
        // write-back retries them later after Freshdesk's Retry-After or its own back-off.
        services.AddHttpClient(FreshdeskClient.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<FreshdeskOptions>>().Value.RequestTimeout);
        services.AddHttpClient(FreshdeskClient.InteractiveHttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<FreshdeskOptions>>().Value.RequestTimeout)
            .AddInteractiveRetry(sp => sp.GetRequiredService<IOptions<FreshdeskOptions>>().Value.InteractiveRetry);
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<TicketNoteStore>();
        services.AddOutboundClient<FreshdeskClient>(FreshdeskClient.HttpClientName, FreshdeskClient.InteractiveHttpClientName);
        services.AddSingleton<TicketSource>();
        services.AddSingleton<FreshdeskNoteSender>();
        services.AddHostedService<FreshdeskNoteService>();
        return services;
    }
}
