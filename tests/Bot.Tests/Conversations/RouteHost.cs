using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

/// <summary>
/// The real host on an in-memory store and a fake clock, with the default plan plus Fay (role responder, on
/// no ladder level) and Gus (no role at all); commands go straight to the turn handler.
/// </summary>
internal sealed class RouteHost : BotHost
{
    private readonly string _folder;

    public RouteHost()
        : this(Path.Combine(Path.GetTempPath(), $"route-host-{Guid.NewGuid():N}"), new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero)))
    {
    }

    private RouteHost(string folder, FakeTimeProvider time)
        : base("routes", time, settings: ("ResponsePlan:Path", WritePlan(folder)))
    {
        _folder = folder;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    /// <summary>A typed <c>/incident</c> command in the local chat, by a plan person id or a guest name.</summary>
    public Task<TurnReply> IncidentAsync(string user, string text) => SayAsync(ChannelKind.Local, user, text);

    public Task<TurnReply> SayAsync(ChannelKind channel, string user, string text) =>
        Turns.HandleAsync(new InboundMessage(channel, user, null, "general", null, "/incident", text));

    public Task<TurnReply> PressAsync(string user, string actionId, string value) =>
        Turns.HandleAsync(new InboundMessage(ChannelKind.Local, user, null, "general", null, null, "", new InboundAction(actionId, value)));

    private TurnHandler Turns => Services.GetRequiredService<TurnHandler>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The default plan with Fay and Gus added after Dana, in a folder of its own; returns the plan's path.</summary>
    private static string WritePlan(string folder)
    {
        Directory.CreateDirectory(folder);
        var plan = Path.Combine(folder, "plan.yaml");
        var dana = "  - { id: dana, name: Dana, slack: U01DANA, teams: \"29:dana-aad\", email: dana@example.com, roles: [manager] }\n";
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plan.default.yaml"));
        if (!text.Contains(dana, StringComparison.Ordinal))
            throw new InvalidOperationException("The default plan no longer names Dana as this helper expects.");
        File.WriteAllText(plan, text.Replace(dana, dana
            + "  - { id: fay,  name: Fay,  slack: U01FAY,  teams: \"29:fay-aad\", roles: [responder] }\n"
            + "  - { id: gus,  name: Gus }\n", StringComparison.Ordinal));
        return plan;
    }
}
