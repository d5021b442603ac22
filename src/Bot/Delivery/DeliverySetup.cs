using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Delivery;

/// <summary>Registers the outbox dispatcher and its background loop.</summary>
internal static class DeliverySetup
{
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration("Delivery").ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatchService>();
        return services;
    }
}
