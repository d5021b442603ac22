namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>Registers turn handling: identities, the route table and the error handler.</summary>
internal static class ConversationSetup
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<IdentityMap>();
        services.AddSingleton<CommandRoutes>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<TurnHandler>();
        return services;
    }
}
