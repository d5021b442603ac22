using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>The real host on Kestrel at a free port of 127.0.0.1, for a browser to reach, with its delivery loops running.</summary>
public sealed class LocalKestrelHost : IAsyncDisposable
{
    private LocalKestrelHost(LocalHost host, Uri address)
    {
        Host = host;
        Address = address;
    }

    public LocalHost Host { get; }

    public Uri Address { get; }

    public static LocalKestrelHost Start()
    {
        var host = new LocalHost(background: true);
        host.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new LocalKestrelHost(host, new Uri(addresses.Single()));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
