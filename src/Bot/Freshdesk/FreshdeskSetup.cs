using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>Registers Freshdesk. Always registered; without its settings it reports itself off.</summary>
internal static class FreshdeskSetup
{
    public static IServiceCollection AddFreshdesk(this IServiceCollection services)
    {
        services.AddOptions<FreshdeskOptions>().BindConfiguration(FreshdeskOptions.Section);
        services.AddHttpClient(FreshdeskClient.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<FreshdeskOptions>>().Value.RequestTimeout);
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<TicketNoteStore>();
        services.AddSingleton<FreshdeskClient>();
        services.AddSingleton<TicketSource>();
        services.AddSingleton<FreshdeskNoteSender>();
        services.AddHostedService<FreshdeskNoteService>();
        return services;
    }
}
