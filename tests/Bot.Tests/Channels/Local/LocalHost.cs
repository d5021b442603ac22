using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using DeliveryItem = Jivrus.IncidentBot.Bot.Delivery.Delivery;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>The host on the InMemory store, one fresh database per instance.</summary>
public sealed class LocalHost : WebApplicationFactory<Program>
{
    private readonly string _database = $"local-{Guid.NewGuid():N}";

    public LocalFeed Feed => Services.GetRequiredService<LocalFeed>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "InMemory");
        builder.UseSetting("Storage:InMemoryName", _database);
        builder.UseEnvironment("Development");
    }

    /// <summary>Hands every waiting outbox message to the local adapter, as the dispatcher does.</summary>
    public async Task FlushOutboxAsync()
    {
        var outbox = Services.GetRequiredService<OutboxStore>();
        var desk = Services.GetRequiredService<Desk>();
        var adapter = Services.GetRequiredService<LocalChannelAdapter>();
        foreach (var message in await outbox.PendingAsync(1000))
        {
            var view = message.IncidentNumber is { } number ? (await desk.ShowAsync(number)).Incident : null;
            var content = view is not null && message.Kind is NoticeKind.Card or NoticeKind.Page or NoticeKind.CardUpdate
                ? IncidentCard.Message(view, message.Text)
                : new OutgoingMessage(message.Text);
            await adapter.DeliverAsync(new DeliveryItem(message, view, content), CancellationToken.None);
            await outbox.CompleteAsync(message.Id);
        }
    }
}
