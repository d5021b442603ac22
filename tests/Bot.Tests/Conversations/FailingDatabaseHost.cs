using System.Data.Common;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

/// <summary>The host on the InMemory store, whose database a test can make unreachable (every connection attempt throws).</summary>
public sealed class FailingDatabaseHost : WebApplicationFactory<Program>
{
    private readonly string _database = $"failing-{Guid.NewGuid():N}";

    /// <summary>While true, opening the database throws a <see cref="DbException"/>, as a stopped server would.</summary>
    public bool Unreachable { get; set; }

    public TurnHandler Turns => Services.GetRequiredService<TurnHandler>();

    public Task<TurnReply> SayAsync(string person, string line) =>
        Turns.HandleAsync(new InboundMessage(ChannelKind.Local, person, null, "#incidents", null, null, line));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "InMemory");
        builder.UseSetting("Storage:InMemoryName", _database);
        builder.UseSetting("Delivery:Background", "false");
        builder.UseSetting("Scheduling:Background", "false");
        builder.ConfigureTestServices(services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(IDbContextFactory<IncidentDbContext>));
            services.Remove(real);
            services.AddSingleton<IDbContextFactory<IncidentDbContext>>(sp => new Switch(this, Create(real, sp)));
        });
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
