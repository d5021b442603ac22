using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using static Jivrus.IncidentBot.Bot.Channels.Slack.SlackJson;

namespace Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. It reads Slack's messages in order, notes <c>hello</c> and <c>disconnect</c> itself and hands
/// every envelope to <see cref="SocketEnvelopes"/> without waiting for it, so a slow turn does not hold up the next one;
/// acknowledgements are sent one at a time, as a WebSocket requires. After a <c>disconnect</c> it keeps reading until it
/// is closed, so whatever Slack still sends on it during the hand-over is handled.
/// </summary>
internal sealed class SocketConnection : IAsyncDisposable
{
    private const int MaxMessageBytes = 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SocketEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly SocketEnvelopes _envelopes;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private Task _reading = Task.CompletedTask;
    private long _next;

    private SocketConnection(SocketEnvelopes envelopes, TimeProvider time, CancellationToken stopping)
    {
        _envelopes = envelopes;
        _time = time;
        _stopping = stopping;
        // Pings answered by pongs: a connection that died without a close frame (a NAT timeout) is noticed and replaced.
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>Completes when Slack asks for a new connection or the socket is lost, whichever comes first.</summary>
    public Task<SocketEnd> Ended => _ended.Task;

    /// <summary>Connects and waits for Slack's <c>hello</c>; only then is the connection counted as open.</summary>
    /// <param name="stopping">The host's: turns started on this connection run to their end even after it closed, unless the host stops.</param>
    public static async Task<SocketConnection> OpenAsync(Uri url, SocketEnvelopes envelopes, TimeProvider time, TimeSpan helloTimeout, CancellationToken stopping)
    {
        var connection = new SocketConnection(envelopes, time, stopping);
        try
        {
            await connection._socket.ConnectAsync(url, stopping);
            connection._reading = connection.ReadAsync();
            await connection._hello.Task.WaitAsync(helloTimeout, time, stopping);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Lets the turns under way send their acknowledgements (Slack waits 3 s for them), then closes the socket. Used
    /// after the replacement said hello, and at shutdown.
    /// </summary>
    public async Task CloseAsync(TimeSpan drain)
    {
        try
        {
            await Task.WhenAll(_inFlight.Values).WaitAsync(drain, _time);
        }
        catch (TimeoutException)
        {
            // A turn still running past Slack's wait finishes anyway; only its acknowledgement goes down with the socket,
            // and Slack's repeat of the envelope on another connection is acknowledged without acting twice.
        }

        // A send that does not finish within the drain (Slack stopped reading) is not waited for: the socket is cut.
        if (await _sending.WaitAsync(drain))
        {
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    using var timeout = new CancellationTokenSource(drain, _time);
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Already gone: nothing more to close.
            }
            finally
            {
                _sending.Release();
            }
        }

        try
        {
            await _reading.WaitAsync(drain, _time);
        }
        catch (TimeoutException)
        {
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _reading;
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8192), _stop.Token);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close && buffer.WrittenCount <= MaxMessageBytes);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerCloseAsync();
                    break;
                }

                if (buffer.WrittenCount > MaxMessageBytes)
                    break;
                if (result.MessageType == WebSocketMessageType.Text)
                    Take(buffer.WrittenSpan);
            }
        }
        catch (Exception)
        {
            // However it broke, the connection is lost and the slot opens another; nothing else depends on this loop.
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("The Slack Socket Mode connection closed before Slack said hello."));
            _ended.TrySetResult(SocketEnd.Dropped);
        }
    }

    /// <summary>Completes the closing handshake Slack started, so it sees a clean close rather than a dropped socket.</summary>
    private async Task AnswerCloseAsync()
    {
        await _sending.WaitAsync();
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", _stop.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>One message from Slack: <c>hello</c> and <c>disconnect</c> are for this connection, anything with an envelope id is work.</summary>
    private void Take(ReadOnlySpan<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message.ToArray());
        }
        catch (JsonException)
        {
            return;
        }

        var root = document.RootElement;
        switch (Str(root, "type"))
        {
            case "hello":
                _hello.TrySetResult();
                document.Dispose();
                return;
            case "disconnect":
                _ended.TrySetResult(SocketEnd.Disconnect(Str(root, "reason") ?? "unknown"));
                document.Dispose();
                return;
        }

        if (Str(root, "envelope_id") is null)
        {
            document.Dispose();
            return;
        }

        var key = Interlocked.Increment(ref _next);
        var work = Task.Run(async () =>
        {
            try
            {
                await _envelopes.HandleAsync(document, SendAsync, _stopping);
            }
            catch (OperationCanceledException)
            {
                // The host is stopping.
            }
        });
        _inFlight[key] = work;
        work.ContinueWith(_ => _inFlight.TryRemove(key, out Task? _), TaskScheduler.Default);
    }
}
