using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Workflow.Desk;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

/// <summary>
/// The real host on an in-memory store and a fake clock, with the default plan plus Fay (role responder, on
/// no ladder level) and Gus (no role at all); commands go straight to the turn handler.
/// </summary>
internal sealed class RouteHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"route-host-{Guid.NewGuid():N}");
    private readonly WebApplicationFactory<Program> _factory;

    public RouteHost()
    {
        Directory.CreateDirectory(_folder);
        var plan = Path.Combine(_folder, "plan.yaml");
        var dana = "  - { id: dana, name: Dana, slack: U01DANA, teams: \"29:dana-aad\", email: dana@example.com, roles: [manager] }\n";
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plan.default.yaml"));
        if (!text.Contains(dana, StringComparison.Ordinal))
            throw new InvalidOperationException("The default plan no longer names Dana as this helper expects.");
        File.WriteAllText(plan, text.Replace(dana, dana
            + "  - { id: fay,  name: Fay,  slack: U01FAY,  teams: \"29:fay-aad\", roles: [responder] }\n"
            + "  - { id: gus,  name: Gus }\n", StringComparison.Ordinal));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:Provider", "InMemory");
            builder.UseSetting("Storage:InMemoryName", $"routes-{Guid.NewGuid():N}");
            builder.UseSetting("Delivery:Background", "false");
            builder.UseSetting("Scheduling:Background", "false");
            builder.UseSetting("ResponsePlan:Path", plan);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero));

    public Desk Desk => _factory.Services.GetRequiredService<Desk>();

    /// <summary>A typed <c>/incident</c> command in the local chat, by a plan person id or a guest name.</summary>
    public Task<TurnReply> IncidentAsync(string user, string text) => SayAsync(ChannelKind.Local, user, text);

    public Task<TurnReply> SayAsync(ChannelKind channel, string user, string text) =>
        Turns.HandleAsync(new InboundMessage(channel, user, null, "general", null, "/incident", text));

    public Task<TurnReply> PressAsync(string user, string actionId, string value) =>
        Turns.HandleAsync(new InboundMessage(ChannelKind.Local, user, null, "general", null, null, "", new InboundAction(actionId, value)));

    private TurnHandler Turns => _factory.Services.GetRequiredService<TurnHandler>();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
