using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack.SocketMode;

/// <summary>
/// Slack's side of Socket Mode, in process: Kestrel on a free loopback port accepting WebSockets at the addresses
/// <see cref="NextUrl"/> hands to the fake <c>apps.connections.open</c>. Each connection is greeted with <c>hello</c> and
/// kept as a <see cref="FakeSocket"/> the test sends envelopes on and reads acknowledgements from. <see cref="History"/>
/// records, in order, when each connection opened and closed.
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly Channel<FakeSocket> _connected = Channel.CreateUnbounded<FakeSocket>();
    private readonly Lock _gate = new();
    private readonly List<string> _history = [];
    private int _tickets;
    private int _port;

    private FakeSocketModeServer(WebApplication app) => _app = app;

    /// <summary>"open 1", "close 1", ... by ticket, in the order the server saw them.</summary>
    public IReadOnlyList<string> History
    {
        get
        {
            lock (_gate)
                return [.. _history];
        }
    }

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeSocketModeServer(app);
        app.UseWebSockets();
        app.Map("/link", server.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server._port = new Uri(address).Port;
        return server;
    }

    /// <summary>A fresh address, as <c>apps.connections.open</c> answers: each carries its own ticket.</summary>
    public string NextUrl() => $"ws://127.0.0.1:{_port}/link?ticket={Interlocked.Increment(ref _tickets)}";

    /// <summary>The next connection the bot opens, once it has been sent <c>hello</c>.</summary>
    public async Task<FakeSocket> NextConnectionAsync() => await _connected.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Note(string entry)
    {
        lock (_gate)
            _history.Add(entry);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var ticket = int.Parse(context.Request.Query["ticket"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new FakeSocket(ticket, webSocket, context.Abort);
        Note($"open {ticket}");
        await socket.SendAsync($$$"""{"type":"hello","num_connections":{{{ticket}}},"debug_info":{"host":"fake-socket-mode"},"connection_info":{"app_id":"A0TEST"}}""");
        _connected.Writer.TryWrite(socket);
        await socket.RunAsync();
        Note($"close {ticket}");
    }
}
