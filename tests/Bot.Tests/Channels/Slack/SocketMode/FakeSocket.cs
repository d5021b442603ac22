using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack.SocketMode;

/// <summary>One Socket Mode connection as Slack holds it: envelopes go out, acknowledgements come back as the bot wrote them.</summary>
public sealed class FakeSocket(int ticket, WebSocket socket, Action abort)
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sending = new(1, 1);

    public int Ticket { get; } = ticket;

    /// <summary>Completes when the bot closed the connection or it was dropped.</summary>
    public Task Closed => _closed.Task;

    public Task SendAsync(JsonObject message) => SendAsync(message.ToJsonString());

    public async Task SendAsync(string text)
    {
        await _sending.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next message the bot sent, exactly as written.</summary>
    public async Task<string> ReceiveAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(FakeSocketModeServer.Timeout);

    /// <summary>Cuts the connection without a close frame, as a network failure would.</summary>
    public void Drop() => abort();

    /// <summary>Slack's <c>disconnect</c> message.</summary>
    public Task DisconnectAsync(string reason) =>
        SendAsync($$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"fake-socket-mode"}}""");

    internal async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    break;
                }

                _received.Writer.TryWrite(Encoding.UTF8.GetString(message.ToArray()));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
