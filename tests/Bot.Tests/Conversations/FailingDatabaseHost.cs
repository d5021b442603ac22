using System.Data.Common;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

/// <summary>The host on the InMemory store, whose database a test can make unreachable (every connection attempt throws).</summary>
public sealed class FailingDatabaseHost() : BotHost("failing")
{
    /// <summary>While true, opening the database throws a <see cref="DbException"/>, as a stopped server would.</summary>
    public bool Unreachable { get; set; }

    public TurnHandler Turns => Services.GetRequiredService<TurnHandler>();

    public Task<TurnReply> SayAsync(string person, string line) =>
        Turns.HandleAsync(new InboundMessage(ChannelKind.Local, person, null, "#incidents", null, null, line));

    protected override void ReplaceServices(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IDbContextFactory<IncidentDbContext>));
        services.Remove(real);
        services.AddSingleton<IDbContextFactory<IncidentDbContext>>(sp => new Switch(this, Create(real, sp)));
    }

    private static IDbContextFactory<IncidentDbContext> Create(ServiceDescriptor real, IServiceProvider sp) =>
        (IDbContextFactory<IncidentDbContext>)(real.ImplementationInstance
            ?? real.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!));

    private sealed class Switch(FailingDatabaseHost host, IDbContextFactory<IncidentDbContext> real) : IDbContextFactory<IncidentDbContext>
    {
        public IncidentDbContext CreateDbContext() =>
            host.Unreachable ? throw new ConnectionRefused() : real.CreateDbContext();
    }

    private sealed class ConnectionRefused() : DbException("connection refused (password=secret-in-connection-string)");
}
